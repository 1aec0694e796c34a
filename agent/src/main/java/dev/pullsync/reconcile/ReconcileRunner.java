package dev.pullsync.reconcile;

import dev.pullsync.report.Report;

/** Runs one reconcile for a trigger. The schedule, the event handlers and the webhook drive it. */
@FunctionalInterface
public interface ReconcileRunner {
  Report run(Trigger trigger);
}
