package dev.pullsync.live;

import dev.pullsync.desired.Desired;
import dev.pullsync.desired.DesiredLink;
import dev.pullsync.desired.Instance;
import dev.pullsync.desired.Inventory;
import dev.pullsync.desired.Ownership;
import dev.pullsync.desired.Ref;
import dev.pullsync.unseal.Credential;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Copies cache objects into immutable records, reading only what pullsync needs. */
final class Copies {
  private Copies() {}

  static Inventory.Namespace namespace(Namespace ns) {
    ObjectMeta meta = ns.getMetadata();
    boolean terminating =
        meta.getDeletionTimestamp() != null
            || (ns.getStatus() != null && "Terminating".equals(ns.getStatus().getPhase()));
    return new Inventory.Namespace(
        meta.getName(), orEmpty(meta.getLabels()), orEmpty(meta.getAnnotations()), terminating);
  }

  static LiveSecret secret(Secret s) {
    boolean immutable = Boolean.TRUE.equals(s.getImmutable());
    ObjectMeta meta = s.getMetadata();
    Map<String, String> labels = orEmpty(meta.getLabels());
    return new LiveSecret(
        new Ref(meta.getNamespace(), meta.getName()),
        s.getType(),
        data(s),
        labels,
        orEmpty(meta.getAnnotations()),
        meta.getResourceVersion(),
        Ownership.MANAGED_BY_VALUE.equals(labels.get(Ownership.MANAGED_BY_LABEL)),
        meta.getUid(),
        immutable);
  }

  static LiveServiceAccount serviceAccount(ServiceAccount sa) {
    ObjectMeta meta = sa.getMetadata();
    List<LocalObjectReference> refs =
        sa.getImagePullSecrets() == null ? List.of() : sa.getImagePullSecrets();
    return new LiveServiceAccount(
        new Ref(meta.getNamespace(), meta.getName()),
        refs.stream().map(LocalObjectReference::getName).filter(n -> n != null).toList(),
        orEmpty(meta.getAnnotations()),
        meta.getResourceVersion());
  }

  static Ref ref(ObjectMeta meta) {
    return new Ref(meta.getNamespace() == null ? "" : meta.getNamespace(), meta.getName());
  }

  /** The renderer's inventory: the namespaces, and the ServiceAccount names in each. */
  static Inventory inventory(List<Namespace> namespaces, Iterable<ServiceAccount> accounts) {
    List<Inventory.Namespace> ns = namespaces.stream().map(Copies::namespace).toList();
    Map<String, Set<String>> sas = new TreeMap<>();
    for (ServiceAccount sa : accounts) {
      sas.computeIfAbsent(sa.getMetadata().getNamespace(), k -> new TreeSet<>())
          .add(sa.getMetadata().getName());
    }
    return new Inventory(ns, sas);
  }

  /**
   * Copies of the ServiceAccounts {@code desired} links, and of those holding our entries in a
   * namespace it covers (so stale entries can be unlinked).
   */
  static Map<Ref, LiveServiceAccount> serviceAccountsFor(
      Iterable<ServiceAccount> cached, Desired desired, Instance instance) {
    Set<Ref> wanted =
        desired.links().stream().map(DesiredLink::serviceAccount).collect(Collectors.toSet());
    Map<Ref, LiveServiceAccount> out = new HashMap<>();
    for (ServiceAccount sa : cached) {
      Ref ref = ref(sa.getMetadata());
      Map<String, String> annotations = sa.getMetadata().getAnnotations();
      boolean ours =
          annotations != null
              && (annotations.containsKey(Ownership.ownedKey(instance))
                  || annotations.containsKey(Ownership.OWNED_PULL_SECRETS));
      if (wanted.contains(ref) || (ours && desired.covers(ref.namespace()))) {
        out.put(ref, serviceAccount(sa));
      }
    }
    return out;
  }

  private static Credential data(Secret s) {
    Map<String, byte[]> entries = new TreeMap<>();
    if (s.getData() != null) {
      s.getData()
          .forEach(
              (k, v) -> {
                try {
                  entries.put(k, Base64.getDecoder().decode(v == null ? "" : v));
                } catch (IllegalArgumentException e) {
                  entries.put(k, new byte[0]);
                }
              });
    }
    return Credential.of(entries);
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
