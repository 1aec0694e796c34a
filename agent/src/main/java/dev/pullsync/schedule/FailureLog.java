package dev.pullsync.schedule;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue's log of failing runs: a warning when the failure changes, a debug line while the same
 * failure repeats, one info line on recovery. Not thread-safe: {@link ReconcileQueue} calls it
 * under its lock.
 */
final class FailureLog {
  // Logged under the queue's name, as before the split, so log settings keep working.
  private static final Logger log = LoggerFactory.getLogger(ReconcileQueue.class);

  private int failures;
  private RunOutcome state = RunOutcome.HEALTHY;

  /** A failing run; {@code delay} is the wait before its retry. */
  void failed(RunOutcome outcome, Duration delay) {
    failures++;
    String scope =
        outcome.agentWide() ? "" : " of namespaces " + String.join(",", outcome.namespaces());
    if (!outcome.equals(state)) {
      log.warn(
          "{}; retrying{} with backoff (next in {} s)",
          outcome.signature(),
          scope,
          delay.toSeconds());
    } else {
      log.debug("Still failing after {} attempts; next in {} s", failures, delay.toSeconds());
    }
    state = outcome;
  }

  /** A healthy run with no retry left pending. */
  void recovered(RunOutcome outcome) {
    if (state.failing()) {
      log.info("Recovered after {} failed attempt(s)", failures);
    }
    failures = 0;
    state = outcome;
  }
}
