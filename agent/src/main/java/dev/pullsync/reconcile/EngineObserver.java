package dev.pullsync.reconcile;

import dev.pullsync.spec.Spec;

/**
 * What the long-running agent's metrics want to know from inside the engine that a {@link
 * dev.pullsync.report.Report} does not carry: failed Git fetches, registry login checks, and the
 * registries (with their declared expiry dates) of each revision that loaded.
 */
public interface EngineObserver {
  /** A Git fetch failed (the reconcile goes on with the last good revision, if any). */
  default void fetchFailed() {}

  /** A revision's spec loaded and validated. */
  default void specLoaded(Spec spec) {}

  /** A registry was asked about a credential; {@code result} is the verdict's display name. */
  default void registryChecked(String registry, String result) {}

  EngineObserver NONE = new EngineObserver() {};
}
