package dev.pullsync.plan;

import dev.pullsync.live.Live;
import dev.pullsync.live.LiveServiceAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses every removal (Secret deletes and ServiceAccount unlinks) of a plan that removes too much
 * of either kind: Secret deletes counted against the Secrets this instance manages, unlinks (of
 * entries actually listed) against the entries its annotations list. Each share is checked on its
 * own, with the same threshold {@code maxDeleteShare}; a plan may always remove {@link
 * Policy#GUARD_FLOOR} objects of each kind, so a small fleet is not frozen (1 of 3 goes through, 2
 * of 3 do not). Creates and updates of the same revision still go ahead: adding credentials is
 * safe, losing them is what the guard is for.
 */
final class DeletionGuard {
  private static final String HELD = "no Secret deleted and no ServiceAccount entry removed";
  private final double maxDeleteShare;

  DeletionGuard(double maxDeleteShare) {
    this.maxDeleteShare = maxDeleteShare;
  }

  /** The refusal message when the guard trips. */
  Optional<String> check(List<Change> changes, Live live) {
    long deletes =
        changes.stream()
            .filter(c -> c.action() == Action.DELETE && c.execution() == Execution.APPLY)
            .count();
    long unlinks =
        changes.stream()
            .filter(c -> c.action() == Action.UNLINK && c.execution() == Execution.APPLY)
            .filter(c -> listed(c, live))
            .count();
    List<String> over = new ArrayList<>();
    if (tooMany(deletes, live.managedSecrets())) {
      over.add(share("delete", deletes, live.managedSecrets(), "managed Secrets"));
    }
    if (tooMany(unlinks, live.linkedEntries())) {
      over.add(share("remove", unlinks, live.linkedEntries(), "linked ServiceAccount entries"));
    }
    if (over.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "deletion guard: the revision would " + String.join(" and ", over) + "; " + HELD);
  }

  /** True when {@code removals} of {@code base} exceed both the share and the floor. */
  boolean tooMany(long removals, int base) {
    return removals > Policy.GUARD_FLOOR && removals > maxDeleteShare * base;
  }

  private String share(String verb, long removals, int base, String what) {
    return String.format(
        Locale.ROOT,
        "%s %d of %d %s (%.0f%% > %.0f%%)",
        verb,
        removals,
        base,
        what,
        base == 0 ? 100.0 : 100.0 * removals / base,
        100.0 * maxDeleteShare);
  }

  private static boolean listed(Change unlink, Live live) {
    LiveServiceAccount sa = live.serviceAccounts().get(unlink.ref());
    return sa == null || sa.imagePullSecrets().contains(unlink.entry());
  }

  /** The changes with every applicable removal refused. */
  List<Change> refuse(List<Change> changes) {
    List<Change> out = new ArrayList<>();
    for (Change c : changes) {
      boolean removal = c.action() == Action.DELETE || c.action() == Action.UNLINK;
      boolean held = removal && c.execution() == Execution.APPLY;
      out.add(
          held ? c.with(Execution.REFUSED, "held back by the deletion guard; " + c.reason()) : c);
    }
    return out;
  }
}
