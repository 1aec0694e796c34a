package dev.pullsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.report.Report;
import dev.pullsync.testkit.CapturedLogs;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With 30% of writes failing (seeded), each reconcile logs its failed writes as one line (counts by
 * reason, a few examples), while every write that happened keeps its own line: the log grows by the
 * changes made plus one line, not by one line per object retried.
 */
class FaultStormLogsOneLinePerReconcileTest {
  private static final int NAMESPACES = 200;
  @TempDir Path tmp;
  private final MockCluster cluster = new MockCluster();
  private TestEngine engine;

  @AfterEach
  void stop() {
    engine.close();
    cluster.close();
  }

  @Test
  void failedWritesAreOneLinePerReconcileAndEveryWriteMadeKeepsItsLine() {
    for (int i = 0; i < NAMESPACES; i++) {
      cluster.namespace("team-" + i).serviceAccount("team-" + i, "default");
    }
    Random random = new Random(15);
    cluster.fault(
        r ->
            !r.getMethod().equals("GET") && random.nextInt(100) < 30
                ? new MockResponse().setResponseCode(500).setBody("{}")
                : null);
    engine =
        new TestEngine(cluster, tmp)
            .commit(
                Fixtures.spec()
                    .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
                    .pullSecret(
                        Fixtures.pullSecret("harbor-credentials", "harbor").patterns("team-*")));
    try (CapturedLogs logs = new CapturedLogs()) {
      for (int run = 0; run < 3; run++) {
        int before = logs.lines().size();
        Report report = engine.runOnce();
        List<String> lines = logs.lines().subList(before, logs.lines().size());
        long failureLines = lines.stream().filter(l -> l.contains("writes failed")).count();
        long perObjectFailures =
            lines.stream()
                .filter(l -> l.startsWith("WARN") || l.startsWith("ERROR"))
                .filter(l -> l.contains(" dev.pullsync.")) // the agent's, not the mock server's
                .filter(l -> !l.contains("writes failed"))
                .count();
        long changeLines =
            lines.stream()
                .filter(l -> l.contains("create Secret ") || l.contains("linked harbor"))
                .count();

        assertThat(report.counts().failed()).as("faults injected in run " + run).isPositive();
        assertThat(failureLines).isEqualTo(1);
        assertThat(perObjectFailures).isZero();
        assertThat(changeLines).isEqualTo(report.counts().created() + report.counts().linked());
        assertThat(
                lines.stream().filter(l -> l.contains("writes failed")).findFirst().orElseThrow())
            .contains(report.counts().failed() + " of ")
            .contains("× API error 500")
            .contains("(e.g. ");
      }
    }
  }
}
