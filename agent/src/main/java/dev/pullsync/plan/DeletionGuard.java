package dev.pullsync.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses every removal (Secret deletes and ServiceAccount unlinks) of a plan whose Secret deletes
 * exceed {@code maxDeleteShare} of the Secrets pullsync manages. Creates and updates of the same
 * revision still go ahead: adding credentials is safe, losing them is what the guard is for.
 */
final class DeletionGuard {
  private final double maxDeleteShare;

  DeletionGuard(double maxDeleteShare) {
    this.maxDeleteShare = maxDeleteShare;
  }

  /** The refusal message when the guard trips. */
  Optional<String> check(List<Change> changes, int managedSecrets) {
    long deletes =
        changes.stream()
            .filter(c -> c.action() == Action.DELETE && c.execution() == Execution.APPLY)
            .count();
    if (deletes == 0 || managedSecrets == 0 || deletes <= maxDeleteShare * managedSecrets) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "deletion guard: the revision would delete %d of %d managed Secrets (%.0f%% > %.0f%%);"
                + " no Secret deleted and no ServiceAccount entry removed",
            deletes,
            managedSecrets,
            100.0 * deletes / managedSecrets,
            100.0 * maxDeleteShare));
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
