package dev.pullsync.live;

import dev.pullsync.desired.Ref;
import dev.pullsync.unseal.Credential;
import java.util.Map;
import java.util.Objects;

/**
 * A copy of one Secret in the cluster: ours (labelled managed-by pullsync) or a foreign Secret of a
 * desired name. Its data is held as a {@link Credential} so it never prints.
 */
public record LiveSecret(
    Ref ref,
    String type,
    Credential data,
    Map<String, String> labels,
    Map<String, String> annotations,
    String resourceVersion,
    boolean managed) {
  public LiveSecret {
    Objects.requireNonNull(ref, "ref");
    type = type == null ? "" : type;
    Objects.requireNonNull(data, "data");
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    resourceVersion = resourceVersion == null ? "" : resourceVersion;
  }
}
