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
 * Informer indexes by owning instance: Secrets by the instance that owns them (its label, unless
 * the Secret is a hand copy), ServiceAccounts by the instances whose owned-entries annotation they
 * carry. The deletion guard's bases are counted from them without walking the whole cache.
 */
final class InstanceIndex {
  private static final String BY_INSTANCE = "pullsync-instance";

  private InstanceIndex() {}

  /** Adds the indexes (before the informers start). */
  static void install(
      SharedIndexInformer<Secret> secrets, SharedIndexInformer<ServiceAccount> serviceAccounts) {
    secrets.addIndexers(Map.of(BY_INSTANCE, InstanceIndex::ownerOf));
    serviceAccounts.addIndexers(Map.of(BY_INSTANCE, InstanceIndex::ownersOf));
  }

  /**
   * The Secrets {@code instance} owns in the whole cluster: the size of its index entry, since the
   * index holds a Secret under an instance only when that instance owns it ({@link #ownerOf}). A
   * namespace event's reconcile asks for it too, so it must not walk 15,000 Secrets each time.
   */
  static int ownedSecrets(SharedIndexInformer<Secret> secrets, Instance instance) {
    return secrets.getIndexer().byIndex(BY_INSTANCE, instance.name()).size();
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

  /**
   * The instance that owns {@code s} as {@link Ownership#ownerOf} decides it (labelled managed by
   * pullsync and by that instance, and not a copy made for another namespace), or {@code ""}: a
   * hand copy or a Secret of the version without instances belongs to no instance.
   */
  private static List<String> ownerOf(Secret s) {
    ObjectMeta meta = s.getMetadata();
    Map<String, String> labels = meta.getLabels() == null ? Map.of() : meta.getLabels();
    Map<String, String> annotations =
        meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
    String owner = labels.get(Ownership.INSTANCE_LABEL);
    String madeFor = annotations.get(Ownership.MADE_FOR);
    boolean managed = Ownership.MANAGED_BY_VALUE.equals(labels.get(Ownership.MANAGED_BY_LABEL));
    boolean copy = madeFor != null && !madeFor.equals(meta.getNamespace());
    return List.of(owner != null && managed && !copy ? owner : "");
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
