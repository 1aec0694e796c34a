package dev.pullsync.plan;

import java.util.Locale;

/** What a change does to one object. Only the first six write. */
public enum Action {
  CREATE,
  UPDATE,
  ADOPT,
  LINK,
  UNLINK,
  DELETE,
  CONFLICT,
  PENDING,
  NOOP;

  /** True for the actions that write to the cluster. */
  public boolean writes() {
    return ordinal() <= DELETE.ordinal();
  }

  /** The spelling used in plans and reports. */
  public String display() {
    return name().toLowerCase(Locale.ROOT);
  }
}
