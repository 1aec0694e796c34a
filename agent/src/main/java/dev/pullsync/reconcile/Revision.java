package dev.pullsync.reconcile;

import dev.pullsync.source.Snapshot;
import dev.pullsync.unseal.Unsealed;
import java.util.Objects;

/** A revision that parsed, validated and unsealed: what keeps being enforced until a better one. */
record Revision(Snapshot snapshot, Unsealed unsealed) {
  Revision {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(unsealed, "unsealed");
  }

  String name() {
    return snapshot.revision();
  }
}
