package dev.pullsync.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spaces out the re-seal branch's attempts after failures ({@value #FIRST_SECONDS} s, doubling up
 * to 30 min) and logs once per change of state. While waiting, the last failure's message is
 * returned again as it was (no count, no time in it), so the report stays the same.
 */
final class PushBackoff {
  static final long FIRST_SECONDS = 30;
  private static final Duration MAX = Duration.ofMinutes(30);
  private static final Logger LOG = LoggerFactory.getLogger(PushBackoff.class);

  private final Clock clock;
  private int failures;
  private Instant nextAttempt = Instant.MIN;
  private String lastFailure = "";

  PushBackoff(Clock clock) {
    this.clock = clock;
  }

  /** The last failure while its backoff runs; empty when an attempt may be made. */
  Optional<String> waiting() {
    return failures > 0 && clock.instant().isBefore(nextAttempt)
        ? Optional.of(lastFailure)
        : Optional.empty();
  }

  /** Records a failure ({@code message} is what the report says) and starts the next wait. */
  void failed(String message) {
    failures++;
    long seconds = Math.min(MAX.toSeconds(), FIRST_SECONDS << Math.min(failures - 1, 16));
    nextAttempt = clock.instant().plusSeconds(seconds);
    if (!message.equals(lastFailure)) {
      LOG.warn("{}", message);
    }
    lastFailure = message;
  }

  void succeeded(String what) {
    if (failures > 0) {
      LOG.info("{} after {} failed attempts", what, failures);
    }
    failures = 0;
    nextAttempt = Instant.MIN;
    lastFailure = "";
  }
}
