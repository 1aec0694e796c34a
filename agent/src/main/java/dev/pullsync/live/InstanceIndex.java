package dev.pullsync.live;

import dev.pullsync.desired.Instance;
import dev.pullsync.desired.Ownership;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Map;

/**
 * Informer indexes by owning instance: Secrets by their {@code pullsync.dev/instance} label,
 * ServiceAccounts by the instances whose owned-entries annotation they carry. The deletion guard's
 * bases are counted from them without walking the whole cache.
 */
final class InstanceIndex {
  private static final String BY_INSTANCE = "pullsync-instance";

  private InstanceIndex() {}

  /** Adds the indexes (before the informers start). */
  static void install(
      SharedIndexInformer<Secret> secrets, SharedIndexInformer<ServiceAccount> serviceAccounts) {
    secrets.addIndexers(Map.of(BY_INSTANCE, InstanceIndex::instanceOf));
    serviceAccounts.addIndexers(Map.of(BY_INSTANCE, InstanceIndex::ownersOf));
  }

  /** The Secrets {@code instance} owns in the whole cluster. */
  static int ownedSecrets(SharedIndexInformer<Secret> secrets, Instance instance) {
    return (int)
        secrets.getIndexer().byIndex(BY_INSTANCE, instance.name()).stream()
            .filter(s -> owner(s, instance) == Ownership.Owner.OURS)
            .count();
  }

  /** The imagePullSecrets entries {@code instance}'s annotations list in the whole cluster. */
  static int linkedEntries(SharedIndexInformer<ServiceAccount> accounts, Instance instance) {
    int entries = 0;
    String key = Ownership.ownedKey(instance);
    for (ServiceAccount sa : accounts.getIndexer().byIndex(BY_INSTANCE, instance.name())) {
      Map<String, String> annotations = sa.getMetadata().getAnnotations(); // read, not copied
      entries += Ownership.ownedEntries(annotations == null ? null : annotations.get(key)).size();
    }
    return entries;
  }

  /** As {@link LiveSecret#owner}, from the cached metadata alone (no copy of the data). */
  private static Ownership.Owner owner(Secret s, Instance instance) {
    ObjectMeta meta = s.getMetadata();
    return Ownership.ownerOf(
        meta.getLabels() == null ? Map.of() : meta.getLabels(),
        meta.getAnnotations() == null ? Map.of() : meta.getAnnotations(),
        meta.getNamespace(),
        instance);
  }

  private static List<String> instanceOf(Secret s) {
    Map<String, String> labels = s.getMetadata().getLabels();
    String owner = labels == null ? null : labels.get(Ownership.INSTANCE_LABEL);
    return List.of(owner == null ? "" : owner);
  }

  private static List<String> ownersOf(ServiceAccount sa) {
    Map<String, String> annotations = sa.getMetadata().getAnnotations();
    if (annotations == null) {
      return List.of();
    }
    return annotations.keySet().stream()
        .filter(k -> k.startsWith(Ownership.OWNED_PREFIX))
        .map(k -> k.substring(Ownership.OWNED_PREFIX.length()))
        .toList();
  }
}
