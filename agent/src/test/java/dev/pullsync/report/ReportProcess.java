package dev.pullsync.report;

import dev.pullsync.source.GitAuth;
import dev.pullsync.source.GitSource;
import dev.pullsync.source.Snapshot;
import dev.pullsync.source.SourceOptions;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A child process for {@link SeveralProcessesShareOneRepositoryTest}: what one {@code pullsync run
 * --once} does with Git, for one cluster: fetch the spec into the shared work directory, then
 * commit and push this cluster's report for round N to the status branch of the same repository.
 * Prints {@code RESULT <outcome> <commit>}; exits 0 only when the report was committed.
 */
public final class ReportProcess {
  public static void main(String[] args) {
    String url = args[0];
    Path work = Path.of(args[1]);
    String cluster = args[2];
    int round = Integer.parseInt(args[3]);
    Clock clock = Clock.systemUTC();
    try (GitSource source =
            new GitSource(SourceOptions.local(url, "main", "").withWorkDir(work), clock);
        ReportPublisher publisher =
            new ReportPublisher(
                PublisherSettings.defaults(ReportTarget.onStatusBranch(url), work.resolve("report"))
                    .withRetries(60, Duration.ofMillis(20), Duration.ofSeconds(1)),
                GitAuth.none(),
                clock,
                new SecureRandom())) {
      Snapshot snapshot = source.fetch();
      PublishResult result = publisher.publish(reportFor(cluster, round, snapshot.revision()));
      System.out.println(
          "RESULT "
              + result.outcome()
              + " "
              + result.commit().orElse("-")
              + " "
              + result.message());
      System.exit(result.outcome() == PublishResult.Outcome.COMMITTED ? 0 : 1);
    }
  }

  /** Round {@code round}'s report: the failed count says the round, so each one is a change. */
  static Report reportFor(String cluster, int round, String revision) {
    return new Report(
        cluster,
        "pullsync." + cluster,
        revision,
        Optional.of(revision),
        Report.Result.DEGRADED,
        SampleReports.FINISHED.plusSeconds(round),
        new Report.Counts(3, 3, 3, 0, 0, 0, 0, 0, 0, 0, round, round),
        List.of(),
        List.of());
  }
}
