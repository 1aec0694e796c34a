package dev.pullsync.schedule;

import dev.pullsync.report.Report;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How one reconcile went, seen from the queue: healthy, or failing for a reason. Two failures with
 * the same {@link #signature()} are the same state, so the queue logs only the first.
 *
 * @param namespaces where a DEGRADED run's failed or pending objects are (the retry covers only
 *     those, with their own backoff); empty when the whole run failed (agent-wide backoff)
 */
record RunOutcome(boolean failing, String signature, Set<String> namespaces) {
  RunOutcome {
    Objects.requireNonNull(signature, "signature");
    namespaces = Set.copyOf(namespaces);
  }

  static final RunOutcome HEALTHY = new RunOutcome(false, "healthy", Set.of());

  /**
   * Not a failure: the only objects left are links to ServiceAccounts that do not exist yet. Each
   * such ServiceAccount's own add event reconciles its namespace at once; a backoff retry would
   * only delay that event (it would wait behind the backoff).
   */
  static final RunOutcome WAITING_FOR_SERVICE_ACCOUNTS =
      new RunOutcome(false, "waiting for ServiceAccounts", Set.of());

  /**
   * FAILED and DEGRADED reports are retried; SYNCED and DRIFTED are healthy, and so is a DEGRADED
   * one whose only problem is pending links ({@link #WAITING_FOR_SERVICE_ACCOUNTS}).
   */
  static RunOutcome of(Report report) {
    return switch (report.result()) {
      case SYNCED, DRIFTED -> HEALTHY;
      case FAILED -> new RunOutcome(true, describe(report), Set.of());
      case DEGRADED ->
          onlyPending(report)
              ? WAITING_FOR_SERVICE_ACCOUNTS
              : new RunOutcome(true, describe(report), failingNamespaces(report));
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
    return new RunOutcome(
        true, "reconcile threw " + e.getClass().getSimpleName(), Set.<String>of());
  }

  /** Agent-wide: nothing narrower to retry than the whole run. */
  boolean agentWide() {
    return failing && namespaces.isEmpty();
  }

  private static Set<String> failingNamespaces(Report report) {
    Set<String> out = new TreeSet<>();
    for (Report.Entry e : report.entries()) {
      if ((e.status().equals("failed") || e.status().equals("pending"))
          && !e.namespace().isEmpty()) {
        out.add(e.namespace());
      }
    }
    return report.errors().isEmpty() ? out : Set.of();
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
