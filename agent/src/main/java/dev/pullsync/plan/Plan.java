package dev.pullsync.plan;

import java.util.List;
import java.util.Objects;

/**
 * Every change one reconcile would make, sorted by namespace, kind and name, with the plan-level
 * errors (e.g. the deletion guard's refusal). Holds no credential value.
 */
public record Plan(String revision, List<Change> changes, List<String> errors) {
  public Plan {
    Objects.requireNonNull(revision, "revision");
    changes = List.copyOf(changes);
    errors = List.copyOf(errors);
  }

  /**
   * True when any change would write (whatever the mode): what {@code pullsync plan} exits 3 on.
   */
  public boolean hasChanges() {
    return changes.stream().anyMatch(c -> c.action().writes());
  }

  /** The changes the applier is to write. */
  public List<Change> toApply() {
    return changes.stream().filter(Change::toApply).toList();
  }
}
