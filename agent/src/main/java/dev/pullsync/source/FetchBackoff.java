package dev.pullsync.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spaces out fetch attempts after failures (doubling from {@link #FIRST} up to {@link #MAX}) and
 * logs once per change of state: the first failure, a different failure, and the recovery. While
 * waiting, the last failure is reported again without touching the network, so the last good
 * revision stays in force and the report keeps saying why.
 */
final class FetchBackoff {
  static final Duration FIRST = Duration.ofSeconds(5);
  static final Duration MAX = Duration.ofMinutes(5);
  private static final Logger LOG = LoggerFactory.getLogger(FetchBackoff.class);

  private final Clock clock;
  private final boolean oneShot;
  private int failures;
  private Instant nextAttempt = Instant.MIN;
  private String lastMessage = "";

  /** With {@code oneShot} nothing is logged: the one caller reports the failure and exits. */
  FetchBackoff(Clock clock, boolean oneShot) {
    this.clock = clock;
    this.oneShot = oneShot;
  }

  /** Throws the last failure again while the backoff runs. */
  void checkReady() {
    Instant now = clock.instant();
    if (failures > 0 && now.isBefore(nextAttempt)) {
      throw new SourceException(
          lastMessage + " (" + failures + " failed fetches; next try after " + nextAttempt + ")");
    }
  }

  void failed(SourceException e) {
    failures++;
    long seconds = Math.min(MAX.toSeconds(), FIRST.toSeconds() << Math.min(failures - 1, 16));
    nextAttempt = clock.instant().plusSeconds(seconds);
    if (!oneShot && !e.getMessage().equals(lastMessage)) {
      LOG.warn("{}; retrying with backoff, the last good revision stays in force", e.getMessage());
    }
    lastMessage = e.getMessage();
  }

  void succeeded() {
    if (failures > 0) {
      LOG.info("fetch works again after {} failed attempts", failures);
    }
    failures = 0;
    nextAttempt = Instant.MIN;
    lastMessage = "";
  }

  int failures() {
    return failures;
  }
}
