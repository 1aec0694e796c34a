package dev.pullsync.cli;

import dev.pullsync.config.AgentConfig;
import dev.pullsync.http.AgentMetrics;
import dev.pullsync.live.ClusterView;
import dev.pullsync.reconcile.ReconcileRunner;
import dev.pullsync.schedule.Agent;
import dev.pullsync.schedule.ClusterInformers;
import dev.pullsync.schedule.ReconcileQueue;
import dev.pullsync.schedule.RunIds;
import dev.pullsync.schedule.ServiceSettings;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * {@code pullsync run} without {@code --once}: the long-running agent around an engine the run
 * command built, until SIGTERM/SIGINT, whose shutdown hook closes it gracefully (finish or abandon
 * the current reconcile, stop Quartz, release the lease, stop informers and HTTP).
 */
public final class ServiceMode {
  private ServiceMode() {}

  /**
   * Starts the agent and blocks until it has stopped (SIGTERM/SIGINT, or this thread interrupted).
   *
   * @param onStop closes what the caller built (engine, client) after the agent stopped
   */
  public static int serve(
      AgentConfig config,
      KubernetesClient client,
      ClusterView view,
      ReconcileRunner runner,
      AgentMetrics metrics,
      Runnable onStop) {
    ServiceSettings settings =
        ServiceSettings.from(config, ServiceSettings.identity(System.getenv(), RunIds.secure()));
    Agent agent =
        Agent.start(
            settings,
            client,
            ClusterInformers.of(view),
            runner,
            metrics,
            ReconcileQueue.RunListener.NONE);
    Thread hook =
        new Thread(
            () -> {
              agent.close();
              onStop.run();
            },
            "pullsync-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      agent.awaitStopped();
    } catch (InterruptedException e) {
      // stopped from within the process (tests, embedding): the same graceful path as SIGTERM
      agent.close();
      onStop.run();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway; closing twice is harmless
      }
      Thread.currentThread().interrupt();
    }
    return ExitCode.OK;
  }
}
