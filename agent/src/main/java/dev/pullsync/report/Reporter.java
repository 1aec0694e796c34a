package dev.pullsync.report;

import java.util.Optional;

/** Writes a reconcile's report somewhere; never throws for I/O, returns what happened instead. */
@FunctionalInterface
public interface Reporter {
  PublishResult publish(Report report);

  /** For {@code --no-report}: publishes nothing. */
  static Reporter disabled() {
    return report ->
        new PublishResult(PublishResult.Outcome.DISABLED, Optional.empty(), 0, "report disabled");
  }
}
