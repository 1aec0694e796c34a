package dev.pullsync.apply;

import java.util.function.LongSupplier;

/**
 * A token bucket in front of every request the applier sends (client-go's QPS and burst): up to
 * {@code burst} requests go at once, then {@code qps} per second. fabric8 has no such limit of its
 * own. Thread-safe; callers block in {@link #acquire()} until their turn.
 */
final class Throttle {
  private final double perNano;
  private final double burst;
  private final LongSupplier nanos;
  private final Sleeper sleeper;
  private double tokens;
  private long last;

  /** How a caller waits (injected so tests need not sleep). */
  interface Sleeper {
    void sleepNanos(long nanos) throws InterruptedException;
  }

  Throttle(double qps, int burst, LongSupplier nanos, Sleeper sleeper) {
    this.perNano = qps / 1e9;
    this.burst = burst;
    this.nanos = nanos;
    this.sleeper = sleeper;
    this.tokens = burst;
    this.last = nanos.getAsLong();
  }

  static Throttle of(ApplyOptions options) {
    return new Throttle(
        options.qps(),
        options.burst(),
        System::nanoTime,
        n -> Thread.sleep(n / 1_000_000, (int) (n % 1_000_000)));
  }

  /** Takes one token, waiting until one is free. */
  void acquire() {
    long wait;
    synchronized (this) {
      long now = nanos.getAsLong();
      tokens = Math.min(burst, tokens + (now - last) * perNano);
      last = now;
      tokens -= 1;
      wait = tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perNano);
    }
    if (wait > 0) {
      try {
        sleeper.sleepNanos(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while throttled", e);
      }
    }
  }
}
