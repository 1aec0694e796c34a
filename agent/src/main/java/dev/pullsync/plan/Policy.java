package dev.pullsync.plan;

import dev.pullsync.spec.Mode;
import java.util.Objects;

/**
 * Agent-wide planning rules.
 *
 * @param mode {@code report} makes every change report-only; {@code enforce} leaves it to each
 *     PullSecret's own mode
 * @param prune whether Secrets and entries that leave the spec are removed
 * @param maxDeleteShare the deletion guard: a plan deleting more than this share of the managed
 *     Secrets, or unlinking more than this share of the linked ServiceAccount entries (beyond
 *     {@link #GUARD_FLOOR} of each), has all its removals refused (0..1; 1 disables the guard)
 */
public record Policy(Mode mode, boolean prune, double maxDeleteShare) {
  public static final double DEFAULT_MAX_DELETE_SHARE = 0.25;

  /**
   * The deletion guard's floor: a plan may always remove this many Secrets and this many
   * ServiceAccount entries, whatever the share; beyond it, removals must stay within {@code
   * maxDeleteShare} of the instance's managed Secrets (respectively linked entries).
   */
  public static final int GUARD_FLOOR = 1;

  public Policy {
    Objects.requireNonNull(mode, "mode");
    if (!(maxDeleteShare >= 0 && maxDeleteShare <= 1)) {
      throw new IllegalArgumentException("maxDeleteShare must be between 0 and 1");
    }
  }

  /** Enforce, prune on, guard at 25%. */
  public static Policy defaults() {
    return new Policy(Mode.ENFORCE, true, DEFAULT_MAX_DELETE_SHARE);
  }
}
