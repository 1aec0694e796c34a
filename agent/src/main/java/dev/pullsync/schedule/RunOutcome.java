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

  /** FAILED and DEGRADED reports are retried; SYNCED and DRIFTED are healthy. */
  static RunOutcome of(Report report) {
    return switch (report.result()) {
      case SYNCED, DRIFTED -> HEALTHY;
      case FAILED, DEGRADED -> new RunOutcome(true, describe(report));
    };
  }

  /** A runner that throws: the exception type names the state, never its message (it may leak). */
  static RunOutcome of(RuntimeException e) {
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
