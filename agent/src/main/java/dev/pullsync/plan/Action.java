package dev.pullsync.plan;

import java.util.Locale;

/**
 * What a change does to one object. Only the first eight write. REPLACE: delete and recreate one of
 * our Secrets the API will not update (its type was changed, or it is immutable). RELEASE: drop an
 * entry from our ownership annotation but keep it in imagePullSecrets (the Secret it names is not
 * ours).
 */
public enum Action {
  CREATE,
  UPDATE,
  REPLACE,
  ADOPT,
  LINK,
  RELEASE,
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
