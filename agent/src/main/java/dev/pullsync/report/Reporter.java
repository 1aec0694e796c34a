package dev.pullsync.report;

import java.util.Optional;

/** Writes a reconcile's report somewhere; never throws for I/O, returns what happened instead. */
@FunctionalInterface
public interface Reporter {
  PublishResult publish(Report report);

  /**
   * Publishes a full reconcile's report together with the cluster's inventory ({@code
   * status/<cluster>.inventory.yaml}); reporters that keep no inventory publish the report alone.
   */
  default PublishResult publish(Report report, dev.pullsync.live.ClusterListing inventory) {
    return publish(report);
  }

  /**
   * Whether {@link #publish(Report, dev.pullsync.live.ClusterListing)} uses the inventory; when
   * not, a reconcile does not build one (a listing of every cached object costs CPU at scale).
   */
  default boolean keepsInventory() {
    return false;
  }

  /** For {@code --no-report}: publishes nothing. */
  static Reporter disabled() {
    return report ->
        new PublishResult(PublishResult.Outcome.DISABLED, Optional.empty(), 0, "report disabled");
  }
}
