package dev.pullsync.reconcile;

import dev.pullsync.spec.Spec;
import java.time.Instant;
import java.util.Optional;

/**
 * What the long-running agent's metrics want to know from inside the engine that a {@link
 * dev.pullsync.report.Report} does not carry: failed Git fetches, registry login checks, the
 * registries (with their declared expiry dates) of each revision that loaded, and whether a stored
 * revision is enforced.
 */
public interface EngineObserver {
  /** A Git fetch failed (the reconcile goes on with the last good revision, if any). */
  default void fetchFailed() {}

  /** A revision's spec loaded and validated. */
  default void specLoaded(Spec spec) {}

  /**
   * After each look at the source: the revision enforced (if any), whether it is the copy stored in
   * the cluster (after a restart with nothing good from Git), and since when Git has been
   * unreachable (empty while it is reachable).
   */
  default void enforcing(
      Optional<String> revision, boolean stored, Optional<Instant> gitUnreachableSince) {}

  /** A registry was asked about a credential; {@code result} is the verdict's display name. */
  default void registryChecked(String registry, String result) {}

  EngineObserver NONE = new EngineObserver() {};
}
