package dev.pullsync.live;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Starting informers, and API failures in words fit for a report (code only, never a body). */
final class ApiStatus {
  private ApiStatus() {}

  /**
   * Starts {@code informer} and waits for its first list.
   *
   * @throws ClusterUnavailableException when it does not sync within {@code timeout}
   */
  static void awaitSync(String what, SharedIndexInformer<?> informer, Duration timeout) {
    try {
      informer.start().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterUnavailableException("interrupted while listing " + what);
    } catch (Exception e) {
      throw new ClusterUnavailableException(
          "cannot list and watch " + what + " within " + timeout.toSeconds() + "s: " + of(e));
    }
  }

  /** "API error 403", or the exception's class name when no API answer came. */
  static String of(Throwable e) {
    Throwable t = e;
    while (t != null) {
      if (t instanceof KubernetesClientException k && k.getCode() > 0) {
        return "API error " + k.getCode();
      }
      t = t.getCause();
    }
    return e.getClass().getSimpleName();
  }
}
