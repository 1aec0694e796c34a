package dev.pullsync.schedule;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Competes for a Kubernetes Lease (fabric8 {@code LeaderElector}); only the holder works. Gaining
 * the lease calls {@code onLead}, losing it calls {@code onLose} at once (the agent stops its
 * queue), after which this replica becomes a candidate again. {@link #close()} releases the lease
 * so a standby replica takes over without waiting for it to expire.
 */
public final class LeaderElection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LeaderElection.class);

  private final KubernetesClient client;
  private final Settings settings;
  private final Runnable onLead;
  private final Runnable onLose;
  private final ExecutorService executor;
  private volatile boolean closed;
  private volatile boolean leading;
  private volatile CompletableFuture<?> running;

  /**
   * @param identity this replica's name in the Lease ({@code holderIdentity}), unique per replica
   */
  public record Settings(
      String namespace,
      String leaseName,
      String identity,
      Duration leaseDuration,
      Duration renewDeadline,
      Duration retryPeriod) {
    public Settings {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(leaseName, "leaseName");
      Objects.requireNonNull(identity, "identity");
      if (!(leaseDuration.compareTo(renewDeadline) > 0
          && renewDeadline.compareTo(retryPeriod) > 0
          && !retryPeriod.isNegative()
          && !retryPeriod.isZero())) {
        throw new IllegalArgumentException(
            "leaderElection: need leaseDurationSeconds > renewDeadlineSeconds > retryPeriodSeconds > 0");
      }
    }
  }

  private LeaderElection(
      KubernetesClient client, Settings settings, Runnable onLead, Runnable onLose) {
    this.client = client;
    this.settings = settings;
    this.onLead = onLead;
    this.onLose = onLose;
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "pullsync-leader-election");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts competing. */
  public static LeaderElection start(
      KubernetesClient client, Settings settings, Runnable onLead, Runnable onLose) {
    LeaderElection election = new LeaderElection(client, settings, onLead, onLose);
    election.compete();
    return election;
  }

  /** True while this replica holds the lease. */
  public boolean leading() {
    return leading;
  }

  private void compete() {
    if (closed) {
      return;
    }
    log.info(
        "Competing for Lease {}/{} as {}",
        settings.namespace(),
        settings.leaseName(),
        settings.identity());
    running =
        client
            .leaderElector()
            .withConfig(
                new LeaderElectionConfigBuilder()
                    .withName("pullsync")
                    .withLock(
                        new LeaseLock(
                            settings.namespace(), settings.leaseName(), settings.identity()))
                    .withLeaseDuration(settings.leaseDuration())
                    .withRenewDeadline(settings.renewDeadline())
                    .withRetryPeriod(settings.retryPeriod())
                    .withReleaseOnCancel()
                    .withLeaderCallbacks(
                        new LeaderCallbacks(this::started, this::stopped, this::observed))
                    .build())
            .build()
            .start();
    running.whenComplete((ignored, error) -> executor.execute(this::compete));
  }

  private void started() {
    leading = true;
    log.info("Became leader: reconciling");
    onLead.run();
  }

  private void stopped() {
    if (leading) {
      leading = false;
      log.warn("Lost the lease: stopping work");
      onLose.run();
    }
  }

  private void observed(String holder) {
    if (!holder.equals(settings.identity())) {
      log.info("Leader is {}", holder);
    }
  }

  /** Stops competing and releases the lease if held. */
  @Override
  public void close() {
    closed = true;
    CompletableFuture<?> current = running;
    if (current != null) {
      current.cancel(true);
    }
    stopped();
    executor.shutdown();
  }
}
