package dev.pullsync.apply;

import java.time.Duration;
import java.util.Objects;

/**
 * How the applier writes.
 *
 * @param concurrency how many objects are written at once (default 8)
 * @param attempts how often a ServiceAccount update is tried on 409 conflicts (default 5)
 * @param backoff the pause before the second attempt, growing linearly after it
 */
public record ApplyOptions(int concurrency, int attempts, Duration backoff) {
  public ApplyOptions {
    if (concurrency < 1 || attempts < 1) {
      throw new IllegalArgumentException("concurrency and attempts must be at least 1");
    }
    Objects.requireNonNull(backoff, "backoff");
  }

  public static ApplyOptions defaults() {
    return new ApplyOptions(8, 5, Duration.ofMillis(50));
  }
}
