package dev.pullsync.reconcile;

import java.util.LinkedHashSet;
import java.util.List;
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
  /** The reason of a run a Git webhook (a push) asked for. */
  public static final String WEBHOOK = "webhook";

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

  /**
   * Coalesces two pending triggers into one that covers both. The reason names each distinct reason
   * once ({@code schedule+namespace-event}), so however often triggers coalesce it stays as short
   * as the set of reasons there are.
   */
  public Trigger merge(Trigger other) {
    boolean fetchEither = fetch || other.fetch;
    Set<String> distinct = new LinkedHashSet<>(List.of(reason.split("\\+")));
    distinct.addAll(List.of(other.reason.split("\\+")));
    String reasons = String.join("+", distinct);
    if (isFull() || other.isFull()) {
      return new Trigger(reasons, Set.of(), fetchEither);
    }
    Set<String> union = new TreeSet<>(namespaces);
    union.addAll(other.namespaces);
    return new Trigger(reasons, union, fetchEither);
  }
}
