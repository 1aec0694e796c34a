package dev.pullsync.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Wall-clock and process CPU time between {@link #start()} and {@link #stop()}. */
final class Meter {
  private final long wall;
  private final long cpu;

  private Meter() {
    this.wall = System.nanoTime();
    this.cpu = processCpuNanos();
  }

  static Meter start() {
    return new Meter();
  }

  /** Elapsed wall and CPU time, in milliseconds. */
  record Sample(long wallMillis, long cpuMillis) {
    String wall() {
      return millis(wallMillis);
    }

    String cpu() {
      return millis(cpuMillis);
    }
  }

  Sample stop() {
    return new Sample(
        (System.nanoTime() - wall) / 1_000_000, (processCpuNanos() - cpu) / 1_000_000);
  }

  static String millis(long ms) {
    return ms >= 10_000 ? String.format("%.1f s", ms / 1000.0) : ms + " ms";
  }

  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  /** Used heap after full collections, in MiB. */
  static long heapAfterGcMiB() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }

  /** Polls until {@code condition} holds; false after {@code timeout}. */
  static boolean await(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
