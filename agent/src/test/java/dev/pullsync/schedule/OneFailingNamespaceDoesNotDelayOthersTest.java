package dev.pullsync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pullsync.http.AgentMetrics;
import dev.pullsync.testkit.CapturedLogs;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.mockwebserver.http.MockResponse;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lasting 403 on Secrets in one namespace backs off the retries of that namespace only: a
 * namespace created meanwhile gets its Secret within seconds while the failing one waits out its
 * growing backoff; the permission error is logged once, not per attempt; the coalesced trigger
 * reasons stay short.
 */
class OneFailingNamespaceDoesNotDelayOthersTest {
  @TempDir Path tmp;

  @Test
  void aNewNamespaceIsServedAtOnceWhileAnotherNamespaceBacksOff() throws Exception {
    MockCluster cluster = new MockCluster();
    cluster.namespace("team-a").serviceAccount("team-a", "default");
    cluster.namespace("team-locked").serviceAccount("team-locked", "default");
    cluster.fault(
        r ->
            r.getPath().startsWith("/api/v1/namespaces/team-locked/secrets")
                    && !r.getMethod().equals("GET")
                ? new MockResponse()
                    .setResponseCode(403)
                    .setBody(
                        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                            + "\"reason\":\"Forbidden\",\"code\":403,\"message\":\"secrets is"
                            + " forbidden\"}")
                : null);
    TestEngine engine =
        new TestEngine(cluster, tmp)
            .commit(
                Fixtures.spec()
                    .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
                    .pullSecret(
                        Fixtures.pullSecret("harbor-credentials", "harbor")
                            .patterns("team-*")
                            .serviceAccounts("*")));
    try (CapturedLogs logs = new CapturedLogs();
        Agent agent =
            Agent.start(
                ServiceSettings.defaults()
                    .withSchedule("0 0 0 1 1 ? 2099")
                    .withHttp(new InetSocketAddress("127.0.0.1", 0))
                    .withBackoff(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5))),
                cluster.client(),
                ClusterInformers.of(engine.view()),
                engine.reconciler(),
                new AgentMetrics(Clock.systemUTC()),
                ReconcileQueue.RunListener.NONE)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> secret(cluster, "team-a") != null);
      // startup fails in team-locked, retries after 1 s, 2 s, 4 s: the next one is 8 s away
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> logs.count("Reconcile started (retry, namespaces team-locked)") >= 3);

      long start = System.nanoTime();
      cluster.namespace("team-new").serviceAccount("team-new", "default");
      await().atMost(Duration.ofSeconds(5)).until(() -> secret(cluster, "team-new") != null);
      long waited = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(
          "new namespace served in %d ms while team-locked backs off (next retry 8 s)%n", waited);

      assertThat(secret(cluster, "team-locked")).isNull();
      assertThat(
              logs.lines().stream()
                  .filter(l -> l.startsWith("WARN") && l.contains("writes failed"))
                  .filter(l -> l.contains("API error 403") && l.contains("team-locked"))
                  .count())
          .as("the write's permission error is logged once, not per attempt")
          .isEqualTo(1);
      assertThat(logs.count("Degraded: Secret team-locked/harbor-credentials failed"))
          .as("and so is the run's state")
          .isEqualTo(1);
      assertThat(logs.lines())
          .filteredOn(l -> l.contains("Reconcile started ("))
          .allSatisfy(l -> assertThat(l.length()).isLessThan(200));
    } finally {
      engine.close();
      cluster.close();
    }
  }

  private static Secret secret(MockCluster cluster, String namespace) {
    return cluster.client().secrets().inNamespace(namespace).withName("harbor-credentials").get();
  }
}
