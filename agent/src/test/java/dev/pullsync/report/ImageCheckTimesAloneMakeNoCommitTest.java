package dev.pullsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An image's {@code checkedAt} moves every few minutes (and with every new process), so two reports
 * that differ only in it render to files that count as the same: no report commit. A changed image
 * verdict is a change.
 */
class ImageCheckTimesAloneMakeNoCommitTest {
  static final String IMAGE = "kubeflow-iris/iris-download:v1.0";

  static Report report(String imageVerdict, Instant checkedAt) {
    Report.RegistryCheck harbor =
        new Report.RegistryCheck(
            "harbor",
            "harbor.example.com",
            "accepted",
            "basic, 200",
            Instant.parse("2026-11-30T06:00:00Z"),
            List.of(new Report.ImageCheck(IMAGE, imageVerdict, "basic, 200", checkedAt)));
    return new Report(
            "prod",
            "pullsync.prod",
            "main@sha1:0123456789abcdef0123456789abcdef01234567",
            Optional.of("main@sha1:0123456789abcdef0123456789abcdef01234567"),
            Report.Result.SYNCED,
            checkedAt.plusSeconds(1),
            new Report.Counts(1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            List.of(),
            List.of())
        .withRegistries(List.of(harbor));
  }

  @Test
  void anotherImageCheckTimeIsNoChange() {
    ReportFiles before = ReportFiles.of(report("pullable", Instant.parse("2026-11-30T06:00:00Z")));
    ReportFiles after =
        ReportFiles.of(report("pullable", Instant.parse("2026-11-30T06:05:00.123456Z")));

    assertThat(after.yaml()).isNotEqualTo(before.yaml()).contains("checkedAt: 2026-11-30T06:05");
    assertThat(after.sameApartFromTime(before.yaml(), before.markdown())).isTrue();
  }

  @Test
  void anotherImageVerdictIsAChange() {
    Instant at = Instant.parse("2026-11-30T06:00:00Z");
    ReportFiles before = ReportFiles.of(report("pullable", at));
    ReportFiles after = ReportFiles.of(report("denied", at.plusSeconds(300)));

    assertThat(after.sameApartFromTime(before.yaml(), before.markdown())).isFalse();
  }
}
