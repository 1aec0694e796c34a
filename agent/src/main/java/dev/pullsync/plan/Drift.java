package dev.pullsync.plan;

import java.util.Locale;

/**
 * How the cluster differs from the spec. MISSING: a desired Secret is absent. MODIFIED: our Secret
 * was changed by someone else. UNLINKED: our entry was removed from a ServiceAccount. FOREIGN: a
 * same-name Secret we do not own. ORPHAN: our Secret or entry that the spec no longer asks for.
 */
public enum Drift {
  MISSING,
  MODIFIED,
  UNLINKED,
  FOREIGN,
  ORPHAN;

  public String display() {
    return name().toLowerCase(Locale.ROOT);
  }
}
