package dev.pullsync.plan;

import dev.pullsync.desired.Desired;
import dev.pullsync.desired.Instance;
import dev.pullsync.desired.Notice;
import dev.pullsync.desired.Ref;
import dev.pullsync.live.Live;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Pairs the desired state with the live one by {@link Ref} and diffs every pair into one {@link
 * Change} (pure): Secrets, then ServiceAccount links and unlinks, then notices; the deletion guard
 * last.
 */
public final class Planner {
  private static final Comparator<Change> ORDER =
      Comparator.comparing((Change c) -> c.ref().namespace())
          .thenComparing(Change::kind)
          .thenComparing(c -> c.ref().name())
          .thenComparing(Change::entry);

  private final Policy policy;
  private final Instance instance;

  /** A planner for the objects {@code instance} owns. */
  public Planner(Policy policy, Instance instance) {
    this.policy = policy;
    this.instance = instance;
  }

  public Plan plan(Desired desired, Live live) {
    Modes modes = new Modes(policy, desired.modes());
    List<Change> changes = new ArrayList<>(new SecretPlanner(modes, instance).plan(desired, live));
    Set<Ref> conflicts =
        changes.stream()
            .filter(c -> c.action() == Action.CONFLICT)
            .map(Change::ref)
            .collect(Collectors.toSet());
    changes.addAll(new LinkPlanner(modes, instance).plan(desired, live, conflicts));
    desired.notices().forEach(n -> changes.add(notice(n, modes)));
    List<String> errors = new ArrayList<>();
    DeletionGuard guard = new DeletionGuard(policy.maxDeleteShare());
    Optional<String> refusal = guard.check(changes, live);
    List<Change> guarded = changes;
    if (refusal.isPresent()) {
      guarded = guard.refuse(changes);
      errors.add(refusal.get());
    }
    return new Plan(
        desired.revision(),
        guarded.stream().sorted(ORDER).toList(),
        errors,
        ServerChanges.of(desired, live),
        List.of());
  }

  private static Change notice(Notice n, Modes modes) {
    return new Change(
        Action.PENDING,
        Kind.NAMESPACE,
        new Ref(n.namespace(), n.namespace()),
        n.pullSecret(),
        n.pullSecret(),
        Optional.empty(),
        modes.of(n.pullSecret()),
        n.message(),
        Optional.empty());
  }
}
