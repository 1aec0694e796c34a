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
  private volatile boolean stopped;

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

  /**
   * Stops (or resumes) every request: once stopped, {@link #acquire()} throws {@link WritesStopped}
   * instead of letting a request through, including callers already waiting.
   */
  void stop(boolean stop) {
    this.stopped = stop;
  }

  /** Takes one token, waiting until one is free; throws {@link WritesStopped} when stopped. */
  void acquire() {
    if (stopped) {
      throw new WritesStopped();
    }
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
    if (stopped) {
      throw new WritesStopped(); // checked again right before the request is sent
    }
  }

  /** A request not sent because this replica may no longer write (it lost its lease). */
  static final class WritesStopped extends RuntimeException {
    WritesStopped() {
      super("not sent: this replica no longer holds the lease", null, false, false);
    }
  }
}
