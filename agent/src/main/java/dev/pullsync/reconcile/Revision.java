package dev.pullsync.reconcile;

import dev.pullsync.source.Snapshot;
import dev.pullsync.unseal.Unsealed;
import java.util.Map;
import java.util.Objects;

/**
 * A revision that parsed, validated and unsealed: what keeps being enforced until a better one.
 *
 * @param files its spec files as committed (sealed values only), what the cluster keeps of it
 * @param stored true when it came from the cluster's stored copy, not from Git, after a restart
 */
record Revision(Snapshot snapshot, Unsealed unsealed, Map<String, String> files, boolean stored) {
  Revision {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(unsealed, "unsealed");
    files = Map.copyOf(files);
  }

  String name() {
    return snapshot.revision();
  }
}
