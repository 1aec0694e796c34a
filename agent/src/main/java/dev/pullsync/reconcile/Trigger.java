package dev.pullsync.reconcile;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Why a reconcile runs and how much of the cluster it covers.
 *
 * @param reason e.g. {@code schedule}, {@code startup}, {@code namespace-event}, {@code webhook}
 * @param namespaces the namespaces to reconcile; empty means all of them
 * @param fetch whether to fetch Git before reconciling (schedule, webhook, startup) or reuse the
 *     current revision (namespace and ServiceAccount events)
 */
public record Trigger(String reason, Set<String> namespaces, boolean fetch) {
  public Trigger {
    Objects.requireNonNull(reason, "reason");
    namespaces = Set.copyOf(namespaces);
  }

  /** A full reconcile with a Git fetch. */
  public static Trigger full(String reason) {
    return new Trigger(reason, Set.of(), true);
  }

  /** A reconcile of some namespaces at the current revision. */
  public static Trigger namespaces(String reason, Set<String> namespaces) {
    if (namespaces.isEmpty()) {
      throw new IllegalArgumentException("use full() for all namespaces");
    }
    return new Trigger(reason, namespaces, false);
  }

  public boolean isFull() {
    return namespaces.isEmpty();
  }

  /** Coalesces two pending triggers into one that covers both. */
  public Trigger merge(Trigger other) {
    boolean fetchEither = fetch || other.fetch;
    String reasons = reason.equals(other.reason) ? reason : reason + "+" + other.reason;
    if (isFull() || other.isFull()) {
      return new Trigger(reasons, Set.of(), fetchEither);
    }
    Set<String> union = new TreeSet<>(namespaces);
    union.addAll(other.namespaces);
    return new Trigger(reasons, union, fetchEither);
  }
}
