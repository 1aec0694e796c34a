package dev.pullsync.live;

import dev.pullsync.desired.Instance;
import dev.pullsync.desired.Ownership;
import dev.pullsync.desired.Ref;
import dev.pullsync.unseal.Credential;
import java.util.Map;
import java.util.Objects;

/**
 * A copy of one Secret in the cluster: one labelled managed-by pullsync (ours, another instance's,
 * or from a version without instances) or a foreign Secret of a name we care about. Its data is
 * held as a {@link Credential} so it never prints. {@code uid} and {@code resourceVersion} are the
 * preconditions of a delete; {@code immutable} Secrets cannot be updated, only replaced.
 */
public record LiveSecret(
    Ref ref,
    String type,
    Credential data,
    Map<String, String> labels,
    Map<String, String> annotations,
    String resourceVersion,
    boolean managed,
    String uid,
    boolean immutable) {
  public LiveSecret {
    Objects.requireNonNull(ref, "ref");
    type = type == null ? "" : type;
    Objects.requireNonNull(data, "data");
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    resourceVersion = resourceVersion == null ? "" : resourceVersion;
    uid = uid == null ? "" : uid;
  }

  /** Who owns this Secret, as seen by {@code instance}. */
  public Ownership.Owner owner(Instance instance) {
    return Ownership.ownerOf(labels, annotations, ref.namespace(), instance);
  }
}
