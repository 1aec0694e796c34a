package dev.pullsync.live;

import dev.pullsync.desired.Instance;
import dev.pullsync.desired.Ownership;
import dev.pullsync.desired.Ref;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;

/** A copy of what pullsync needs from one ServiceAccount: its pull-secret names, in order. */
public record LiveServiceAccount(
    Ref ref,
    List<String> imagePullSecrets,
    Map<String, String> annotations,
    String resourceVersion) {
  public LiveServiceAccount {
    Objects.requireNonNull(ref, "ref");
    imagePullSecrets = List.copyOf(imagePullSecrets);
    annotations = Map.copyOf(annotations);
    resourceVersion = resourceVersion == null ? "" : resourceVersion;
  }

  /** The entries {@code instance} added earlier, from its owned-entries annotation. */
  public SortedSet<String> ownedEntries(Instance instance) {
    return Ownership.ownedEntries(annotations.get(Ownership.ownedKey(instance)));
  }

  /** The entries a pullsync version without instances recorded (the upgrade path). */
  public SortedSet<String> legacyEntries() {
    return Ownership.ownedEntries(annotations.get(Ownership.OWNED_PULL_SECRETS));
  }
}
