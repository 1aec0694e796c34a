package dev.pullsync.live;

import dev.pullsync.desired.Ownership;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the view re-lists: every {@code interval} (configuration {@code kubernetes.resyncInterval},
 * default {@value #DEFAULT_MINUTES} min) and at the first reconcile after a watch broke off with an
 * error (a reconnect that may not have resumed cleanly). A re-list costs three LISTs (Namespaces,
 * our Secrets by label, ServiceAccounts) and corrects the caches where a watch missed an event, so
 * the next reconcile repairs what events missed.
 */
final class Resync {
  static final long DEFAULT_MINUTES = 30;
  private static final Logger LOG = LoggerFactory.getLogger(Resync.class);

  private final Duration interval;
  private final Clock clock;
  private final AtomicBoolean watchTrouble = new AtomicBoolean();
  private Instant last;

  Resync(Duration interval, Clock clock) {
    this.interval = interval;
    this.clock = clock;
  }

  /** The caches were just filled by a fresh LIST. */
  synchronized void listed() {
    last = clock.instant();
    watchTrouble.set(false);
  }

  /** A watch failed or reconnected with an error: re-list before the next reconcile. */
  void watchTrouble() {
    watchTrouble.set(true);
  }

  /** Listens for watch errors on these informers (call before starting them). */
  void watchErrorsOf(java.util.List<? extends SharedIndexInformer<?>> informers) {
    for (SharedIndexInformer<?> informer : informers) {
      informer.exceptionHandler(
          (started, error) -> {
            watchTrouble(); // the reconnect may not have resumed cleanly: re-list next time
            return started && !(error instanceof WatcherException); // fabric8's default
          });
    }
  }

  /**
   * Re-lists the three kinds when due (called at the start of every reconcile).
   *
   * @return how many cached objects were wrong
   * @throws ClusterUnavailableException when a LIST fails (tried again next reconcile)
   */
  synchronized int relistIfDue(
      KubernetesClient client,
      CorrectedCache<io.fabric8.kubernetes.api.model.Namespace> namespaces,
      CorrectedCache<io.fabric8.kubernetes.api.model.Secret> secrets,
      CorrectedCache<io.fabric8.kubernetes.api.model.ServiceAccount> serviceAccounts) {
    try {
      return relist(client, namespaces, secrets, serviceAccounts);
    } catch (RuntimeException e) {
      watchTrouble();
      throw new ClusterUnavailableException("cannot re-list the cluster: " + ApiStatus.of(e));
    }
  }

  private int relist(
      KubernetesClient client,
      CorrectedCache<io.fabric8.kubernetes.api.model.Namespace> namespaces,
      CorrectedCache<io.fabric8.kubernetes.api.model.Secret> secrets,
      CorrectedCache<io.fabric8.kubernetes.api.model.ServiceAccount> serviceAccounts) {
    boolean trouble = watchTrouble.get();
    if (!trouble && last != null && clock.instant().isBefore(last.plus(interval))) {
      return 0;
    }
    watchTrouble.set(false);
    var nsBefore = namespaces.versions();
    var secretsBefore = secrets.versions();
    var saBefore = serviceAccounts.versions();
    int wrong =
        namespaces.relisted(client.namespaces().list().getItems(), nsBefore)
            + secrets.relisted(
                client
                    .secrets()
                    .inAnyNamespace()
                    .withLabel(Ownership.MANAGED_BY_LABEL, Ownership.MANAGED_BY_VALUE)
                    .list()
                    .getItems(),
                secretsBefore)
            + serviceAccounts.relisted(
                client.serviceAccounts().inAnyNamespace().list().getItems(), saBefore);
    last = clock.instant();
    if (wrong > 0) {
      LOG.warn(
          "Re-list ({}) found {} object(s) the watches had missed; this reconcile repairs them",
          trouble ? "after a watch error" : "every " + interval.toSeconds() + " s",
          wrong);
    } else {
      LOG.debug("Re-list found the caches right");
    }
    return wrong;
  }
}
