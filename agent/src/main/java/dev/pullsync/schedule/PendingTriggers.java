package dev.pullsync.schedule;

import dev.pullsync.reconcile.Trigger;

/**
 * The triggers waiting for the queue's worker, and when they may run: scoped triggers (namespace
 * events) at the next turn, full and fetching ones once the agent-wide backoff of {@link Retries}
 * allows, and the retries of failed namespaces when each is due. Pending triggers coalesce ({@link
 * Trigger#merge}) into one. Not thread-safe: {@link ReconcileQueue} calls it under its lock.
 */
final class PendingTriggers {
  private final Retries retries;
  private Trigger full;
  private Trigger scoped;

  PendingTriggers(Retries retries) {
    this.retries = retries;
  }

  /** Adds a trigger, merging it into the one of its kind already pending. */
  void add(Trigger trigger) {
    if (trigger.isFull() || trigger.fetch()) {
      if (Trigger.WEBHOOK.equals(trigger.reason())) {
        retries.pushArrived();
      }
      full = merge(full, trigger);
    } else {
      scoped = merge(scoped, trigger);
    }
  }

  /** Everything that may run now, as one trigger: scoped events always, the rest when due. */
  Trigger takeReady(long now) {
    Trigger next = scoped;
    scoped = null;
    if (full != null && !retries.agentBackingOff(now)) {
      next = merge(next, full);
      full = null;
      retries.fullRunTaken(now);
    }
    return merge(next, retries.takeDue(now));
  }

  /** When something pending falls due; {@link Long#MAX_VALUE}: only when a trigger arrives. */
  long wakeAtMillis() {
    long wake = retries.nextDueMillis();
    if (full != null) {
      wake = Math.min(wake, retries.agentNotBeforeMillis());
    }
    return wake;
  }

  /** Drops every pending trigger (the queue is closing). */
  void clear() {
    full = null;
    scoped = null;
  }

  private static Trigger merge(Trigger a, Trigger b) {
    return a == null ? b : b == null ? a : a.merge(b);
  }
}
