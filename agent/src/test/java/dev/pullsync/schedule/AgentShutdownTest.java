package dev.pullsync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pullsync.http.AgentMetrics;
import dev.pullsync.report.Report;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The SIGTERM path: finish or abandon the current reconcile, then stop everything. */
@EnableKubernetesMockClient(crud = true)
class AgentShutdownTest {
  KubernetesClient client;

  private Agent start(dev.pullsync.reconcile.ReconcileRunner runner, Duration grace) {
    ServiceSettings s = ServiceSettings.defaults().withHttp(new InetSocketAddress("127.0.0.1", 0));
    s =
        new ServiceSettings(
            s.schedule(), s.http(), s.webhookSecretFile(), s.leaderElection(), grace, s.backoff());
    return Agent.start(
        s,
        client,
        ClusterInformers.start(client),
        runner,
        new AgentMetrics(Clock.systemUTC()),
        ReconcileQueue.RunListener.NONE);
  }

  @Test
  void aReconcileThatEndsWithinTheGracePeriodIsFinished() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    Agent agent =
        start(
            t -> {
              started.countDown();
              sleepQuietly(800);
              finished.set(true);
              return TestReports.of(Report.Result.SYNCED);
            },
            Duration.ofSeconds(10));
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    int port = agent.httpPort();
    agent.close();
    assertThat(finished).isTrue();
    assertThat(agent.awaitStopped(Duration.ofSeconds(1))).isTrue();
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
  }

  @Test
  void aReconcileThatOverrunsTheGracePeriodIsAbandoned() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    Agent agent =
        start(
            t -> {
              started.countDown();
              try {
                Thread.sleep(60_000);
              } catch (InterruptedException e) {
                interrupted.set(true);
              }
              return TestReports.of(Report.Result.SYNCED);
            },
            Duration.ofMillis(300));
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    long t0 = System.nanoTime();
    agent.close();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    await().atMost(Duration.ofSeconds(20)).untilTrue(interrupted);
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
