package dev.pullsync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pullsync.http.AgentMetrics;
import dev.pullsync.reconcile.Trigger;
import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A link planned as pending (its ServiceAccount does not exist yet) is not a failure to back off
 * from: the ServiceAccount's own add event reconciles the namespace at once. The backoff here is a
 * minute, so a link that waited for it would not appear within the 20 s the test allows.
 */
class PendingLinkIsServedByTheServiceAccountEventTest {
  @TempDir Path tmp;
  private final MockCluster cluster = new MockCluster();
  private final List<Report> reports = new CopyOnWriteArrayList<>();
  private TestEngine engine;
  private Agent agent;

  @AfterEach
  void stop() {
    agent.close();
    engine.close();
    cluster.close();
  }

  @Test
  void theServiceAccountArrivingAfterItsNamespaceIsLinkedWithoutWaitingForTheBackoff() {
    cluster.namespace("team-a");
    engine =
        new TestEngine(cluster, tmp)
            .commit(
                Fixtures.spec()
                    .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
                    .pullSecret(
                        Fixtures.pullSecret("harbor-credentials", "harbor")
                            .patterns("team-*")
                            .serviceAccounts("builder")));
    ServiceSettings defaults = ServiceSettings.defaults();
    agent =
        Agent.start(
            new ServiceSettings(
                "0 0 0 1 1 ? 2099", // no tick during the test
                new InetSocketAddress("127.0.0.1", 0),
                Optional.empty(),
                Optional.empty(),
                defaults.shutdownGrace(),
                new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(2))),
            cluster.client(),
            ClusterInformers.of(engine.view()),
            engine.reconciler(),
            new AgentMetrics(Clock.systemUTC()),
            new ReconcileQueue.RunListener() {
              @Override
              public void finished(Trigger trigger, Report report, Duration took) {
                reports.add(report);
              }
            });
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> reports.stream().anyMatch(r -> r.counts().pending() > 0));
    assertThat(reports.get(0).result()).isEqualTo(Report.Result.DEGRADED);

    cluster.serviceAccount("team-a", "builder");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> cluster.pullSecretsOf("team-a", "builder").contains("harbor-credentials"));
  }
}
