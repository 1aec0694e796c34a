package dev.pullsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.source.GitAuth;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Five agents, one per cluster, push 100 reports in all to one branch at the same time. */
class ConcurrentAgentsShareOneBranchTest {
  private static final int AGENTS = 5;
  private static final int REPORTS_EACH = 20;

  @TempDir Path tmp;

  @Test
  void everyClusterKeepsItsLatestReportAndNoUpdateIsLost() throws Exception {
    long seed = System.nanoTime();
    try (GitReportRepo remote = GitReportRepo.bare(tmp.resolve("shared.git"))) {
      ExecutorService pool = Executors.newFixedThreadPool(AGENTS);
      CountDownLatch start = new CountDownLatch(1);
      Map<String, Report> latest = new ConcurrentHashMap<>();
      List<Future<List<PublishResult>>> futures = new ArrayList<>();
      long began = System.nanoTime();
      for (int a = 0; a < AGENTS; a++) {
        String cluster = "cluster-" + a;
        SplittableRandom random = new SplittableRandom(seed + a);
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return publishAll(remote, cluster, random, latest);
                }));
      }
      start.countDown();
      List<PublishResult> results = new ArrayList<>();
      for (Future<List<PublishResult>> f : futures) {
        results.addAll(f.get(5, TimeUnit.MINUTES));
      }
      pool.shutdown();
      long millis = (System.nanoTime() - began) / 1_000_000;
      int attempts = results.stream().mapToInt(PublishResult::attempts).sum();
      System.out.printf(
          "5 agents x %d reports: %d ms, %d push attempts for %d commits (seed %d)%n",
          REPORTS_EACH, millis, attempts, results.size(), seed);

      assertThat(results)
          .as("seed %d", seed)
          .allSatisfy(
              r ->
                  assertThat(r.outcome())
                      .as(r.message())
                      .isEqualTo(PublishResult.Outcome.COMMITTED));
      List<RevCommit> history = remote.history("pullsync-status");
      assertThat(history)
          .as("one commit per report, none lost (seed %d)", seed)
          .hasSize(AGENTS * REPORTS_EACH);
      for (int a = 0; a < AGENTS; a++) {
        String cluster = "cluster-" + a;
        Report last = latest.get(cluster);
        assertThat(remote.file("pullsync-status", "status/" + cluster + ".yaml"))
            .contains(new YamlReport().render(last));
        assertThat(remote.file("pullsync-status", "status/" + cluster + ".md"))
            .contains(new MarkdownReport().render(last));
        long commitsForCluster =
            history.stream()
                .filter(c -> c.getShortMessage().startsWith("status(" + cluster + ")"))
                .count();
        assertThat(commitsForCluster).isEqualTo(REPORTS_EACH);
      }
    }
  }

  private List<PublishResult> publishAll(
      GitReportRepo remote, String cluster, SplittableRandom random, Map<String, Report> latest) {
    PublisherSettings settings =
        PublisherSettings.defaults(
                ReportTarget.onStatusBranch(remote.url()), tmp.resolve("work-" + cluster))
            .withRetries(60, Duration.ofMillis(2), Duration.ofMillis(100));
    Clock clock = Clock.fixed(Instant.parse("2026-11-26T21:00:00Z"), ZoneOffset.UTC);
    List<PublishResult> results = new ArrayList<>();
    try (ReportPublisher publisher = new ReportPublisher(settings, GitAuth.none(), clock, random)) {
      for (int i = 0; i < REPORTS_EACH; i++) {
        Report report = reportNumber(cluster, i);
        results.add(publisher.publish(report));
        latest.put(cluster, report);
      }
    }
    return results;
  }

  /** Each report differs from the one before (the failed count), so each one must be committed. */
  private static Report reportNumber(String cluster, int i) {
    Report.Counts counts = new Report.Counts(3, 3, 3, 0, 0, 0, 0, 0, 0, 0, i, i);
    return new Report(
        cluster,
        "pullsync." + cluster,
        SampleReports.HEAD,
        Optional.of(SampleReports.HEAD),
        Report.Result.DEGRADED,
        SampleReports.FINISHED.plusSeconds(i),
        counts,
        List.of(),
        List.of());
  }
}
