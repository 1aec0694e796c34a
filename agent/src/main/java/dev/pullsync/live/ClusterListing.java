package dev.pullsync.live;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The whole cluster as far as pullsync's selection and ownership care, taken from the caches a
 * reconcile already holds (no request): every Namespace with its labels and the exclude annotation,
 * every ServiceAccount's imagePullSecrets names, and every Secret labelled managed by pullsync with
 * its type, owner and fingerprint. Never a value. Published as the inventory next to the report, so
 * a pull request can be planned without the cluster.
 */
public record ClusterListing(List<Namespace> namespaces, List<ManagedSecret> managedSecrets) {
  public ClusterListing {
    namespaces = List.copyOf(namespaces);
    managedSecrets = List.copyOf(managedSecrets);
  }

  /**
   * What the renderer selects from, as this listing recorded it (for planning against a published
   * inventory): namespaces with labels, the exclude annotation and ServiceAccount names.
   */
  public dev.pullsync.desired.Inventory toInventory() {
    List<dev.pullsync.desired.Inventory.Namespace> ns = new java.util.ArrayList<>();
    Map<String, java.util.Set<String>> sas = new java.util.TreeMap<>();
    for (Namespace n : namespaces) {
      Map<String, String> annotations =
          n.exclude().isEmpty()
              ? Map.of()
              : Map.of(dev.pullsync.desired.Ownership.EXCLUDE, n.exclude());
      ns.add(
          new dev.pullsync.desired.Inventory.Namespace(
              n.name(), n.labels(), annotations, n.terminating()));
      TreeSet<String> names = new TreeSet<>();
      n.serviceAccounts().forEach(sa -> names.add(sa.name()));
      sas.put(n.name(), names);
    }
    return new dev.pullsync.desired.Inventory(ns, sas);
  }

  /** One Namespace: its labels, its {@code pullsync.dev/exclude} value (empty when absent). */
  public record Namespace(
      String name,
      Map<String, String> labels,
      String exclude,
      boolean terminating,
      List<ServiceAccount> serviceAccounts) {
    public Namespace {
      Objects.requireNonNull(name, "name");
      labels = Map.copyOf(labels);
      exclude = exclude == null ? "" : exclude;
      serviceAccounts = List.copyOf(serviceAccounts);
    }
  }

  /**
   * One ServiceAccount: its imagePullSecrets names in order, and per instance the entries pullsync
   * recorded as its own (the links).
   */
  public record ServiceAccount(
      String name, List<String> imagePullSecrets, Map<String, SortedSet<String>> pullsyncEntries) {
    public ServiceAccount {
      Objects.requireNonNull(name, "name");
      imagePullSecrets = List.copyOf(imagePullSecrets);
      java.util.TreeMap<String, SortedSet<String>> copy = new java.util.TreeMap<>();
      pullsyncEntries.forEach((k, v) -> copy.put(k, new TreeSet<>(v)));
      pullsyncEntries = java.util.Collections.unmodifiableSortedMap(copy);
    }
  }

  /** One Secret labelled managed by pullsync, as its labels and annotations describe it. */
  public record ManagedSecret(
      String namespace,
      String name,
      String type,
      String pullSecret,
      String instance,
      String fingerprint,
      String sourceRevision) {
    public ManagedSecret {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(name, "name");
      type = type == null ? "" : type;
      pullSecret = pullSecret == null ? "" : pullSecret;
      instance = instance == null ? "" : instance;
      fingerprint = fingerprint == null ? "" : fingerprint;
      sourceRevision = sourceRevision == null ? "" : sourceRevision;
    }
  }
}
