package dev.pullsync.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reports the report tests render: a drifted cluster, a synced one, a failed one. */
final class SampleReports {
  static final String HEAD = "main@sha1:4f2a9c1e0b7d3a5f6e8c9d0a1b2c3d4e5f607182";
  static final String LAST_GOOD = "main@sha1:9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a291807";
  static final Instant FINISHED = Instant.parse("2026-11-26T20:30:00Z");

  private SampleReports() {}

  static Report drifted(String cluster, Instant finishedAt) {
    List<Report.Entry> entries =
        List.of(
            entry(
                "harbor-credentials",
                "team-b",
                "Secret",
                "harbor-credentials",
                "modified",
                "update",
                "planned",
                "the .dockerconfigjson differs from the spec (report mode)"),
            entry(
                "harbor-credentials",
                "team-a",
                "Secret",
                "harbor-credentials",
                null,
                "noop",
                "unchanged",
                "matches the spec"),
            entry(
                "harbor-credentials",
                "team-a",
                "ServiceAccount",
                "default",
                "unlinked",
                "link",
                "applied",
                "imagePullSecrets lacked harbor-credentials"),
            entry(
                "harbor-credentials",
                "team-c",
                "Secret",
                "harbor-credentials",
                "foreign",
                "conflict",
                "skipped",
                "a Secret of this name exists and is not managed by pullsync (adopt: never)"),
            entry(
                "harbor-credentials",
                "team-c",
                "ServiceAccount",
                "builder",
                null,
                "pending",
                "pending",
                "ServiceAccount builder does not exist yet"),
            entry(
                "ghcr",
                "team-a",
                "Secret",
                "ghcr-pull",
                "missing",
                "create",
                "failed",
                "forbidden: secrets is forbidden in namespace team-a | retrying with backoff"));
    Report.Counts counts = new Report.Counts(3, 4, 2, 0, 0, 1, 0, 0, 1, 1, 4, 1);
    return new Report(
        cluster,
        "pullsync." + cluster,
        HEAD,
        Optional.of(HEAD),
        Report.Result.DRIFTED,
        finishedAt,
        counts,
        entries,
        List.of());
  }

  static Report synced(String cluster, Instant finishedAt) {
    List<Report.Entry> entries =
        List.of(
            entry(
                "harbor-credentials",
                "team-a",
                "Secret",
                "harbor-credentials",
                null,
                "noop",
                "unchanged",
                "matches the spec"));
    Report.Counts counts = new Report.Counts(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    return new Report(
        cluster,
        "pullsync." + cluster,
        HEAD,
        Optional.of(HEAD),
        Report.Result.SYNCED,
        finishedAt,
        counts,
        entries,
        List.of());
  }

  static Report failed(String cluster, Instant finishedAt) {
    Report.Counts counts = new Report.Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    return new Report(
        cluster,
        "pullsync." + cluster,
        HEAD,
        Optional.empty(),
        Report.Result.FAILED,
        finishedAt,
        counts,
        List.of(),
        List.of(
            "registries/harbor.yaml:7: spec.password.sealed: cannot be decrypted with any known key"));
  }

  static Report.Entry entry(
      String pullSecret,
      String namespace,
      String kind,
      String name,
      String drift,
      String action,
      String status,
      String reason) {
    return new Report.Entry(
        pullSecret, namespace, kind, name, Optional.ofNullable(drift), action, status, reason);
  }
}
