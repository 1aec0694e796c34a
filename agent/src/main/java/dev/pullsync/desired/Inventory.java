package dev.pullsync.desired;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the renderer needs to know about the cluster: every Namespace (name, labels, annotations,
 * whether it is terminating) and the ServiceAccount names per namespace. Produced by the live
 * stage; holds no credential.
 */
public record Inventory(List<Namespace> namespaces, Map<String, Set<String>> serviceAccounts) {
  public Inventory {
    namespaces = List.copyOf(namespaces);
    TreeMap<String, Set<String>> copy = new TreeMap<>();
    serviceAccounts.forEach(
        (ns, names) -> copy.put(ns, Collections.unmodifiableSortedSet(new TreeSet<>(names))));
    serviceAccounts = Collections.unmodifiableMap(copy);
  }

  /** The ServiceAccount names in one namespace (empty when none are known). */
  public Set<String> serviceAccountsIn(String namespace) {
    return serviceAccounts.getOrDefault(namespace, Set.of());
  }

  /** One live Namespace, as far as selection cares. */
  public record Namespace(
      String name,
      Map<String, String> labels,
      Map<String, String> annotations,
      boolean terminating) {
    public Namespace {
      Objects.requireNonNull(name, "name");
      labels = Map.copyOf(labels);
      annotations = Map.copyOf(annotations);
    }
  }
}
