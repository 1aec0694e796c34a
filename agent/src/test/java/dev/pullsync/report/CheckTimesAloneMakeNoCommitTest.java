package dev.pullsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A registry's {@code checkedAt} is set anew by every process ({@code run --once} in CI), so a
 * report that differs from the committed one only in such times is the same report: no commit. A
 * changed verdict is a change.
 */
class CheckTimesAloneMakeNoCommitTest {
  static String yaml(String verdict, String checkedAt) {
    return "finishedAt: 2026-11-30T06:05:49.893Z\nregistries:\n  - registry: harbor\n"
        + "    verdict: "
        + verdict
        + "\n    checkedAt: "
        + checkedAt
        + "\n";
  }

  static String markdown(String verdict, String checkedAt) {
    return MarkdownReport.TIMESTAMP_ROW
        + "2026-11-30T06:05:49.893Z |\n\n| harbor | h:5000 | "
        + verdict
        + " | why | "
        + checkedAt
        + " |\n";
  }

  @Test
  void anotherCheckTimeIsNoChange() {
    ReportFiles now =
        new ReportFiles(
            yaml("accepted", "2026-11-30T06:05:50.174119940Z"),
            markdown("accepted", "2026-11-30T06:05:50.174119940Z"));

    assertThat(
            now.sameApartFromTime(
                yaml("accepted", "2026-11-30T06:01:02Z"),
                markdown("accepted", "2026-11-30T06:01:02Z")))
        .isTrue();
  }

  @Test
  void anotherVerdictIsAChange() {
    ReportFiles now =
        new ReportFiles(
            yaml("rejected", "2026-11-30T06:05:50Z"), markdown("rejected", "2026-11-30T06:05:50Z"));

    assertThat(
            now.sameApartFromTime(
                yaml("accepted", "2026-11-30T06:05:50Z"),
                markdown("accepted", "2026-11-30T06:05:50Z")))
        .isFalse();
    assertThat(
            now.sameApartFromTime(
                yaml("rejected", "2026-11-30T06:05:50Z"),
                markdown("accepted", "2026-11-30T06:05:50Z")))
        .isFalse();
  }
}
