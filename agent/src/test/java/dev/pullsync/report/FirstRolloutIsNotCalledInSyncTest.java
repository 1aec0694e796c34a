package dev.pullsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * On a first rollout nothing has drifted, yet nothing is in sync either: the report's "Found"
 * column says what was there (a new Secret, a ServiceAccount not linked yet).
 */
class FirstRolloutIsNotCalledInSyncTest {
  @Test
  void newSecretAndFirstLinkAreNamedForWhatWasFound() {
    Report report =
        new Report(
            "demo",
            "pullsync.demo",
            SampleReports.HEAD,
            Optional.of(SampleReports.HEAD),
            Report.Result.SYNCED,
            Instant.parse("2026-11-26T10:00:00Z"),
            new Report.Counts(1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0),
            List.of(
                SampleReports.entry(
                    "harbor-credentials",
                    "user-example-com",
                    "Secret",
                    "harbor-credentials",
                    null,
                    "create",
                    "applied",
                    "Secret does not exist"),
                SampleReports.entry(
                    "harbor-credentials",
                    "user-example-com",
                    "ServiceAccount",
                    "default",
                    null,
                    "link",
                    "applied",
                    "imagePullSecrets lacks the entry")),
            List.of());

    String md = new MarkdownReport().render(report);

    assertThat(md)
        .contains("| Secret | harbor-credentials | new | create | applied |")
        .contains("| ServiceAccount | default | not linked yet | link | applied |")
        .doesNotContain("in sync");
  }
}
