package dev.pullsync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pullsync.apply.ApplyOptions;
import dev.pullsync.http.AgentMetrics;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.MockResponse;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas on the real engine. Replica A leads and rolls out slowly (5 writes a second); in the
 * middle of it the API server starts refusing A's lease renewals, so A loses the lease and B takes
 * over. The server's request log then shows no object write from A after B acquired the lease, and
 * B completes the rollout.
 */
class DeposedLeaderWritesNothingTest {
  private static final int NAMESPACES = 60;
  @TempDir Path tmp;
  private final MockCluster cluster = new MockCluster();
  private final AtomicBoolean refuseRenewalsOfA = new AtomicBoolean();
  private final List<AutoCloseable> open = new java.util.ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    cluster.close();
  }

  private Agent replica(String identity, Path dir) {
    KubernetesClient client = cluster.clientAs(identity);
    TestEngine engine =
        new TestEngine(client, dir, new ApplyOptions(2, 5, Duration.ofMillis(5)).withRate(5, 1))
            .commit(
                Fixtures.spec()
                    .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
                    .pullSecret(
                        Fixtures.pullSecret("harbor-credentials", "harbor").patterns("team-*")));
    open.add(client);
    open.add(engine);
    Agent agent =
        Agent.start(
            ServiceSettings.defaults()
                .withSchedule("0 0 0 1 1 ? 2099")
                .withHttp(new InetSocketAddress("127.0.0.1", 0))
                .withLeaderElection(
                    new LeaderElection.Settings(
                        "pullsync",
                        "pullsync-leader",
                        identity,
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(2),
                        Duration.ofMillis(300))),
            client,
            ClusterInformers.of(engine.view()),
            engine.reconciler(),
            new AgentMetrics(Clock.systemUTC()),
            ReconcileQueue.RunListener.NONE);
    open.add(agent);
    return agent;
  }

  private long objectWritesBy(String agent) {
    return cluster.requestLog().stream()
        .filter(r -> r.isWrite() && r.userAgent().equals(agent) && !r.path().contains("/leases"))
        .count();
  }

  @Test
  void afterLosingItsLeaseMidRolloutTheOldLeaderSendsNoFurtherWrite() {
    for (int i = 0; i < NAMESPACES; i++) {
      cluster.namespace("team-" + i).serviceAccount("team-" + i, "default");
    }
    cluster.fault(
        r ->
            refuseRenewalsOfA.get()
                    && r.getPath().contains("/leases")
                    && !r.getMethod().equals("GET")
                    && "replica-a".equals(r.getHeader("User-Agent"))
                ? new MockResponse().setResponseCode(500)
                : null);
    Agent a = replica("replica-a", tmp.resolve("a"));
    await().atMost(Duration.ofSeconds(10)).until(a::leading);
    Agent b = replica("replica-b", tmp.resolve("b"));
    await().atMost(Duration.ofSeconds(20)).until(() -> objectWritesBy("replica-a") >= 5);

    refuseRenewalsOfA.set(true);
    await().atMost(Duration.ofSeconds(20)).until(b::leading);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                cluster.client().secrets().inAnyNamespace().list().getItems().size() == NAMESPACES);

    List<MockCluster.Request> log = cluster.requestLog();
    OptionalLong acquired =
        log.stream()
            .filter(r -> r.userAgent().equals("replica-b") && r.isWrite())
            .filter(r -> r.path().contains("/leases"))
            .mapToLong(MockCluster.Request::at)
            .min();
    assertThat(acquired).isPresent();
    List<MockCluster.Request> lateWritesOfA =
        log.stream()
            .filter(r -> r.userAgent().equals("replica-a") && r.isWrite())
            .filter(r -> !r.path().contains("/leases"))
            .filter(r -> r.at() >= acquired.getAsLong())
            .toList();
    assertThat(lateWritesOfA).isEmpty();
    assertThat(a.leading()).isFalse();
    assertThat(objectWritesBy("replica-a")).isBetween(5L, 2L * NAMESPACES - 1); // mid-rollout
    assertThat(objectWritesBy("replica-b")).isPositive(); // B finished it
  }
}
