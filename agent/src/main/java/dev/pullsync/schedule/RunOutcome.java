package dev.pullsync.schedule;

import dev.pullsync.report.Report;
import java.util.List;
import java.util.Objects;

/**
 * How one reconcile went, seen from the queue: healthy, or failing for a reason. Two failures with
 * the same {@link #signature()} are the same state, so the queue logs only the first.
 */
record RunOutcome(boolean failing, String signature) {
  RunOutcome {
    Objects.requireNonNull(signature, "signature");
  }

  static final RunOutcome HEALTHY = new RunOutcome(false, "healthy");

  /**
   * Not a failure: the only objects left are links to ServiceAccounts that do not exist yet. Each
   * such ServiceAccount's own add event reconciles its namespace at once; a backoff retry would
   * only delay that event (it would wait behind the backoff).
   */
  static final RunOutcome WAITING_FOR_SERVICE_ACCOUNTS =
      new RunOutcome(false, "waiting for ServiceAccounts");

  /**
   * FAILED and DEGRADED reports are retried; SYNCED and DRIFTED are healthy, and so is a DEGRADED
   * one whose only problem is pending links ({@link #WAITING_FOR_SERVICE_ACCOUNTS}).
   */
  static RunOutcome of(Report report) {
    return switch (report.result()) {
      case SYNCED, DRIFTED -> HEALTHY;
      case FAILED -> new RunOutcome(true, describe(report));
      case DEGRADED ->
          onlyPending(report)
              ? WAITING_FOR_SERVICE_ACCOUNTS
              : new RunOutcome(true, describe(report));
    };
  }

  private static boolean onlyPending(Report report) {
    return report.errors().isEmpty()
        && report.counts().failed() == 0
        && report.counts().pending() > 0
        && report.entries().stream().noneMatch(e -> e.status().equals("failed"));
  }

  /** A runner that throws: the exception type names the state, never its message (it may leak). */
  static RunOutcome of(Throwable e) {
    return new RunOutcome(true, "reconcile threw " + e.getClass().getSimpleName());
  }

  private static String describe(Report report) {
    List<String> errors = report.errors();
    String first = errors.isEmpty() ? failedObjects(report) : errors.get(0);
    return report.result().display() + ": " + first;
  }

  private static String failedObjects(Report report) {
    return report.entries().stream()
        .filter(e -> e.status().equals("failed") || e.status().equals("pending"))
        .map(
            e ->
                e.kind()
                    + " "
                    + e.namespace()
                    + "/"
                    + e.name()
                    + " "
                    + e.status()
                    + ": "
                    + e.reason())
        .findFirst()
        .orElse(report.counts().failed() + " failed, " + report.counts().pending() + " pending");
  }
}
