package dev.pullsync.bench;

import java.util.Collection;

/** Percentiles (nearest rank) of a set of latencies in milliseconds. */
record Latencies(long p50, long p95, long p99, long max, int count) {
  static Latencies of(Collection<Long> millis) {
    long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return new Latencies(0, 0, 0, 0, 0);
    }
    return new Latencies(
        rank(sorted, 50),
        rank(sorted, 95),
        rank(sorted, 99),
        sorted[sorted.length - 1],
        sorted.length);
  }

  private static long rank(long[] sorted, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  @Override
  public String toString() {
    return String.format("p50 %d ms, p95 %d ms, p99 %d ms, max %d ms", p50, p95, p99, max);
  }
}
