package dev.pullsync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pullsync.http.AgentMetrics;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Two replicas: exactly one reconciles; the other takes over when the first stops. */
@EnableKubernetesMockClient(crud = true)
class LeaderElectionTest {
  KubernetesMockServer server;

  private Agent replica(String identity, KubernetesClient client, RecordingRunner runner) {
    LeaderElection.Settings election =
        new LeaderElection.Settings(
            "pullsync",
            "pullsync-leader",
            identity,
            Duration.ofSeconds(3),
            Duration.ofSeconds(2),
            Duration.ofMillis(300));
    return Agent.start(
        ServiceSettings.defaults()
            .withHttp(new InetSocketAddress("127.0.0.1", 0))
            .withLeaderElection(election),
        client,
        ClusterInformers.start(client),
        runner,
        new AgentMetrics(Clock.systemUTC()),
        ReconcileQueue.RunListener.NONE);
  }

  @Test
  void exactlyOneReplicaReconcilesAndTheOtherTakesOverWhenItStops() throws Exception {
    RecordingRunner firstRuns = new RecordingRunner();
    RecordingRunner secondRuns = new RecordingRunner();
    try (KubernetesClient c1 = server.createClient();
        KubernetesClient c2 = server.createClient()) {
      Agent first = replica("replica-1", c1, firstRuns);
      Agent second = null;
      try {
        await().atMost(Duration.ofSeconds(10)).until(first::leading);
        second = replica("replica-2", c2, secondRuns);
        await().atMost(Duration.ofSeconds(20)).until(() -> !firstRuns.runs.isEmpty());
        Thread.sleep(2000); // several retry periods: the standby must stay idle
        assertThat(second.leading()).isFalse();
        assertThat(secondRuns.runs).isEmpty();
        Lease lease = c1.leases().inNamespace("pullsync").withName("pullsync-leader").get();
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("replica-1");

        first.close();
        Agent standby = second;
        await().atMost(Duration.ofSeconds(10)).until(standby::leading);
        await().atMost(Duration.ofSeconds(20)).until(() -> !secondRuns.runs.isEmpty());
        assertThat(secondRuns.runs.get(0).reason()).startsWith("startup");
        int firstTotal = firstRuns.runs.size();
        Thread.sleep(500);
        assertThat(firstRuns.runs).hasSize(firstTotal);
      } finally {
        first.close();
        if (second != null) {
          second.close();
        }
      }
    }
  }
}
