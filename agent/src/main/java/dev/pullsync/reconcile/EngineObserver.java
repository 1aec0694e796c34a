package dev.pullsync.reconcile;

import dev.pullsync.spec.Spec;

/**
 * What the long-running agent's metrics want to know from inside the engine that a {@link
 * dev.pullsync.report.Report} does not carry: failed Git fetches, and the registries (with their
 * declared expiry dates) of each revision that loaded.
 */
public interface EngineObserver {
  /** A Git fetch failed (the reconcile goes on with the last good revision, if any). */
  default void fetchFailed() {}

  /** A revision's spec loaded and validated. */
  default void specLoaded(Spec spec) {}

  EngineObserver NONE = new EngineObserver() {};
}
