package dev.pullsync.live;

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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
