package dev.pullsync.schedule;

import dev.pullsync.report.Report;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reports for tests of the service around the pipeline. */
public final class TestReports {
  private TestReports() {}

  public static Report of(Report.Result result, String... errors) {
    return of(result, List.of(), errors);
  }

  public static Report of(Report.Result result, List<Report.Entry> entries, String... errors) {
    return new Report(
        "test",
        "pullsync.test",
        "main@sha1:0123456789abcdef0123456789abcdef01234567",
        Optional.of("main@sha1:0123456789abcdef0123456789abcdef01234567"),
        result,
        Instant.parse("2026-11-26T12:00:00Z"),
        new Report.Counts(1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0),
        entries,
        List.of(errors));
  }
}
