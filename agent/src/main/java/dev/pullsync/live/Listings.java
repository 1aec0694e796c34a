package dev.pullsync.live;

import dev.pullsync.desired.DockerConfig;
import dev.pullsync.desired.Inventory;
import dev.pullsync.desired.Ownership;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

/** Builds a {@link ClusterListing} from cache contents, copying names and metadata only. */
final class Listings {
  private Listings() {}

  static ClusterListing of(
      List<Namespace> namespaces, List<ServiceAccount> accounts, List<Secret> secrets) {
    Map<String, List<ClusterListing.ServiceAccount>> byNamespace = new TreeMap<>();
    for (ServiceAccount sa : accounts) {
      LiveServiceAccount copy = Copies.serviceAccount(sa);
      byNamespace
          .computeIfAbsent(copy.ref().namespace(), k -> new ArrayList<>())
          .add(
              new ClusterListing.ServiceAccount(
                  copy.ref().name(), copy.imagePullSecrets(), entries(copy.annotations())));
    }
    List<ClusterListing.Namespace> ns = new ArrayList<>();
    for (Namespace n : namespaces) {
      Inventory.Namespace copy = Copies.namespace(n);
      List<ClusterListing.ServiceAccount> sas =
          new ArrayList<>(byNamespace.getOrDefault(copy.name(), List.of()));
      sas.sort(Comparator.comparing(ClusterListing.ServiceAccount::name));
      ns.add(
          new ClusterListing.Namespace(
              copy.name(),
              copy.labels(),
              copy.annotations().get(Ownership.EXCLUDE),
              copy.terminating(),
              sas));
    }
    ns.sort(Comparator.comparing(ClusterListing.Namespace::name));
    List<ClusterListing.ManagedSecret> managed = new ArrayList<>();
    for (Secret s : secrets) {
      managed.add(managed(s.getMetadata(), s.getType(), servers(s)));
    }
    managed.sort(
        Comparator.comparing(ClusterListing.ManagedSecret::namespace)
            .thenComparing(ClusterListing.ManagedSecret::name));
    return new ClusterListing(ns, managed);
  }

  /** The servers a Secret's {@code .dockerconfigjson} names (keys only; no value is read out). */
  private static List<String> servers(Secret s) {
    Map<String, String> data = s.getData();
    String encoded = data == null ? null : data.get(Ownership.DOCKER_CONFIG_KEY);
    if (encoded == null) {
      return List.of();
    }
    try {
      return DockerConfig.entries(Base64.getDecoder().decode(encoded)).keySet().stream()
          .filter(server -> !server.contains("@")) // a hand-edited key could carry user:password@
          .toList();
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  private static ClusterListing.ManagedSecret managed(
      ObjectMeta meta, String type, List<String> servers) {
    Map<String, String> labels = meta.getLabels() == null ? Map.of() : meta.getLabels();
    Map<String, String> annotations =
        meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
    return new ClusterListing.ManagedSecret(
        meta.getNamespace(),
        meta.getName(),
        type,
        labels.get(Ownership.PULL_SECRET_LABEL),
        labels.get(Ownership.INSTANCE_LABEL),
        annotations.get(Ownership.FINGERPRINT),
        annotations.get(Ownership.SOURCE_REVISION),
        servers,
        "");
  }

  /** Per instance, the entries its owned-entries annotation lists ("" for the legacy one). */
  private static Map<String, SortedSet<String>> entries(Map<String, String> annotations) {
    Map<String, SortedSet<String>> out = new TreeMap<>();
    annotations.forEach(
        (key, value) -> {
          if (key.startsWith(Ownership.OWNED_PREFIX)) {
            out.put(key.substring(Ownership.OWNED_PREFIX.length()), Ownership.ownedEntries(value));
          } else if (key.equals(Ownership.OWNED_PULL_SECRETS)) {
            out.put("", Ownership.ownedEntries(value));
          }
        });
    return out;
  }
}
