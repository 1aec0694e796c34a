package dev.pullsync.reconcile;

import dev.pullsync.report.Report;

/** Runs one reconcile for a trigger. The schedule, the event handlers and the webhook drive it. */
@FunctionalInterface
public interface ReconcileRunner {
  Report run(Trigger trigger);

  /**
   * Allows or stops writes to the cluster (leader election: stopped the moment the lease is lost,
   * before the running reconcile is abandoned). Runners that never write ignore it.
   */
  default void writesAllowed(boolean allowed) {}
}
