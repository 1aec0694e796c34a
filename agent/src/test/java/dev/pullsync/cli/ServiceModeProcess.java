package dev.pullsync.cli;

import dev.pullsync.config.AgentConfig;
import dev.pullsync.config.HttpSettings;
import dev.pullsync.demo.DemoCluster;
import dev.pullsync.desired.Instance;
import dev.pullsync.http.AgentMetrics;
import dev.pullsync.live.ClusterView;
import dev.pullsync.reconcile.ReconcileRunner;
import dev.pullsync.report.Report;
import dev.pullsync.schedule.TestReports;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/**
 * A child process for {@link ShutdownOnSigtermTest}: the service mode of {@code pullsync run}
 * around a slow fake reconcile (2 s) against an in-process API, exactly as {@code run} wires it.
 */
public final class ServiceModeProcess {
  public static void main(String[] args) throws Exception {
    DemoCluster cluster = DemoCluster.start();
    cluster.seedDemo();
    KubernetesClient client = cluster.client();
    ClusterView view =
        new ClusterView(client, Duration.ofSeconds(30), Instance.derived("pullsync", "default"))
            .start();
    ReconcileRunner slow =
        trigger -> {
          try {
            Thread.sleep(2000);
          } catch (InterruptedException e) {
            LoggerFactory.getLogger("fake").info("fake reconcile interrupted");
            Thread.currentThread().interrupt();
          }
          LoggerFactory.getLogger("fake").info("fake reconcile done");
          return TestReports.of(Report.Result.SYNCED);
        };
    AgentConfig config = AgentConfig.defaults().withHttp(new HttpSettings("127.0.0.1", 0));
    int exit =
        ServiceMode.serve(
            config,
            client,
            view,
            slow,
            new AgentMetrics(Clock.systemUTC()),
            () -> {
              view.close();
              client.close();
              cluster.close();
              LoggerFactory.getLogger("fake").info("everything closed");
            });
    System.exit(exit);
  }
}
