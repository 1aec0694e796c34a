package dev.pullsync.apply;

import dev.pullsync.config.KubernetesSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How the applier writes.
 *
 * @param concurrency how many objects are written at once (default 8)
 * @param attempts how often a write is tried on 409 conflicts (default 5)
 * @param backoff the pause before the second attempt, growing linearly after it
 * @param qps the client-side rate of requests the applier sends, per second (default 50), so that a
 *     rollout to thousands of namespaces stays within API priority and fairness
 * @param burst how many requests may go at once after a quiet spell (default 100)
 */
public record ApplyOptions(int concurrency, int attempts, Duration backoff, double qps, int burst) {
  public static final double DEFAULT_QPS = 50;
  public static final int DEFAULT_BURST = 100;

  public ApplyOptions {
    if (concurrency < 1 || attempts < 1) {
      throw new IllegalArgumentException("concurrency and attempts must be at least 1");
    }
    if (!(qps > 0) || burst < 1) {
      throw new IllegalArgumentException("qps must be positive and burst at least 1");
    }
    Objects.requireNonNull(backoff, "backoff");
  }

  /** Options with the default rate ({@value #DEFAULT_QPS} qps, burst {@value #DEFAULT_BURST}). */
  public ApplyOptions(int concurrency, int attempts, Duration backoff) {
    this(concurrency, attempts, backoff, DEFAULT_QPS, DEFAULT_BURST);
  }

  public static ApplyOptions defaults() {
    return new ApplyOptions(8, 5, Duration.ofMillis(50));
  }

  /** The defaults with the agent configuration's {@code kubernetes} limits. */
  public static ApplyOptions from(KubernetesSettings limits) {
    return defaults()
        .withRate(limits.qps(), limits.burst())
        .withConcurrency(limits.writeConcurrency());
  }

  /** These options with another rate limit (from {@code kubernetes.qps} / {@code burst}). */
  public ApplyOptions withRate(double newQps, int newBurst) {
    return new ApplyOptions(concurrency, attempts, backoff, newQps, newBurst);
  }

  /** These options with another write concurrency ({@code kubernetes.writeConcurrency}). */
  public ApplyOptions withConcurrency(int newConcurrency) {
    return new ApplyOptions(newConcurrency, attempts, backoff, qps, burst);
  }
}
