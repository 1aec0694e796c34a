package dev.pullsync.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff, capped: the delay before retry number {@code n} (1-based) is {@code initial
 * * 2^(n-1)}, never more than {@code max}.
 */
public record Backoff(Duration initial, Duration max) {
  /** 2 s, 4 s, 8 s, ... up to 5 minutes. */
  public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));

  public Backoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max");
    }
  }

  /** The delay after {@code failures} consecutive failures (0 means no delay). */
  public Duration delayAfter(int failures) {
    if (failures <= 0) {
      return Duration.ZERO;
    }
    Duration delay = initial;
    for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
