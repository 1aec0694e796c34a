package dev.pullsync.schedule;

import dev.pullsync.reconcile.Trigger;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The queue's retry bookkeeping, per key as controller-runtime's rate-limited work queue keeps it:
 * each failing namespace has its own failure count and next-retry time, and a run that failed as a
 * whole (Git unreachable, invalid revision, a thrown error) has the agent-wide one. A lasting 403
 * in one namespace therefore backs off only the retries of that namespace; an event for another
 * namespace runs at once. Not thread-safe: the queue calls it under its lock.
 */
final class Retries {
  /** The least time between two pushes that cut a whole-run backoff short. */
  static final long PUSH_GAP_MILLIS = 10_000;

  private final Backoff backoff;
  private final Map<String, Due> namespaces = new TreeMap<>();
  private Due agent;
  private Trigger agentRetry;
  private boolean pushWaiting;
  private long lastPushMillis = Long.MIN_VALUE / 2;

  private record Due(int failures, long notBeforeMillis, boolean queued) {}

  Retries(Backoff backoff) {
    this.backoff = backoff;
  }

  /**
   * Records how {@code trigger} went at {@code now}.
   *
   * @return the wait before the retry this outcome scheduled; zero when healthy
   */
  Duration record(Trigger trigger, RunOutcome outcome, long now) {
    if (!outcome.agentWide() && covers(trigger, agentRetry)) {
      agent = null;
      agentRetry = null;
    }
    if (trigger.isFull()) {
      namespaces.keySet().retainAll(outcome.namespaces());
    } else {
      for (String ns : trigger.namespaces()) {
        if (!outcome.namespaces().contains(ns)) {
          namespaces.remove(ns);
        }
      }
    }
    if (!outcome.failing()) {
      return Duration.ZERO;
    }
    if (outcome.agentWide()) {
      int failures = agent == null ? 1 : agent.failures + 1;
      Duration delay = backoff.delayAfter(failures);
      agent = new Due(failures, now + delay.toMillis(), true);
      agentRetry = agentRetry == null ? trigger : agentRetry.merge(trigger);
      return delay;
    }
    Duration shortest = null;
    for (String ns : outcome.namespaces()) {
      Due before = namespaces.get(ns);
      int failures = before == null ? 1 : before.failures + 1;
      Duration delay = backoff.delayAfter(failures);
      namespaces.put(ns, new Due(failures, now + delay.toMillis(), true));
      shortest = shortest == null || delay.compareTo(shortest) < 0 ? delay : shortest;
    }
    return shortest;
  }

  private static boolean covers(Trigger run, Trigger retry) {
    return retry == null
        || run.isFull()
        || (!retry.isFull() && run.namespaces().containsAll(retry.namespaces()));
  }

  /**
   * True while a whole-run failure is backing off (full and fetching triggers wait for it). A push
   * (webhook) cuts it short, at most once per {@link #PUSH_GAP_MILLIS}: it brings what the backoff
   * waits for, typically the commit that fixes an invalid revision.
   */
  boolean agentBackingOff(long now) {
    return agent != null && now < agent.notBeforeMillis && !pushMayRun(now);
  }

  /** A webhook announced a push: the next full run need not wait out the backoff. */
  void pushArrived() {
    pushWaiting = true;
  }

  /** The pending full run starts at {@code now}; a push it carried is used up. */
  void fullRunTaken(long now) {
    if (pushWaiting) {
      pushWaiting = false;
      lastPushMillis = now;
    }
  }

  private boolean pushMayRun(long now) {
    return pushWaiting && now - lastPushMillis >= PUSH_GAP_MILLIS;
  }

  /** Removes and returns the retries due at {@code now} as one trigger; null when none is. */
  Trigger takeDue(long now) {
    Trigger due = null;
    if (agent != null && agent.queued && now >= agent.notBeforeMillis) {
      due = agentRetry;
      agent = new Due(agent.failures, agent.notBeforeMillis, false);
    }
    Set<String> ready = new TreeSet<>();
    for (Map.Entry<String, Due> e : namespaces.entrySet()) {
      Due d = e.getValue();
      if (d.queued && now >= d.notBeforeMillis) {
        ready.add(e.getKey());
        e.setValue(new Due(d.failures, d.notBeforeMillis, false));
      }
    }
    if (!ready.isEmpty()) {
      Trigger retry = Trigger.namespaces("retry", ready);
      due = due == null ? retry : due.merge(retry);
    }
    return due;
  }

  /** When the next queued retry is due, in clock millis; {@link Long#MAX_VALUE} when none is. */
  long nextDueMillis() {
    long next = agent != null && agent.queued ? agent.notBeforeMillis : Long.MAX_VALUE;
    for (Due d : namespaces.values()) {
      if (d.queued) {
        next = Math.min(next, d.notBeforeMillis);
      }
    }
    return next;
  }

  /** The agent-wide backoff's end, for a full trigger waiting on it; 0 when there is none. */
  long agentNotBeforeMillis() {
    if (agent == null) {
      return 0;
    }
    return pushWaiting
        ? Math.min(agent.notBeforeMillis, lastPushMillis + PUSH_GAP_MILLIS)
        : agent.notBeforeMillis;
  }

  /** True when nothing is failing any more. */
  boolean idle() {
    return agent == null && namespaces.isEmpty();
  }

  /** Consecutive failures of the namespace, 0 when it is not failing. */
  int failuresOf(String namespace) {
    Due d = namespaces.get(namespace);
    return d == null ? 0 : d.failures;
  }
}
