package dev.pullsync.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code kubernetes} section: Kubernetes client limits.
 *
 * @param resyncInterval how often the caches are re-listed (three LISTs) so an event a watch missed
 *     is still repaired; default {@link #DEFAULT_RESYNC}
 */
public record KubernetesSettings(
    double qps, int burst, int writeConcurrency, Duration resyncInterval) {
  /** 30 minutes. */
  public static final Duration DEFAULT_RESYNC = Duration.ofMinutes(30);

  public KubernetesSettings {
    Objects.requireNonNull(resyncInterval, "resyncInterval");
  }

  public KubernetesSettings(double qps, int burst, int writeConcurrency) {
    this(qps, burst, writeConcurrency, DEFAULT_RESYNC);
  }
}
