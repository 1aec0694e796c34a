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
public record ClusterListing(
    List<Namespace> namespaces,
    List<ManagedSecret> managedSecrets,
    List<ForeignSecret> foreignSecrets) {
  public ClusterListing {
    namespaces = List.copyOf(namespaces);
    managedSecrets = List.copyOf(managedSecrets);
    foreignSecrets = List.copyOf(foreignSecrets);
  }

  /** A listing that knows of no foreign Secret. */
  public ClusterListing(List<Namespace> namespaces, List<ManagedSecret> managedSecrets) {
    this(namespaces, managedSecrets, List.of());
  }

  /**
   * This listing with each managed Secret whose fingerprint is the one {@code rendered} gives for
   * its namespace and name, or that the reconcile found holding the rendered data already ({@link
   * Rendered#unchanged}, e.g. under a fingerprint of an earlier scheme), marked with that render's
   * source digest: the Secret then holds exactly what those sources render to. A Secret that
   * differs (drift, a held rollout) gets none.
   */
  public ClusterListing withSourceDigests(Map<dev.pullsync.desired.Ref, Rendered> rendered) {
    List<ManagedSecret> marked = new java.util.ArrayList<>();
    for (ManagedSecret s : managedSecrets) {
      Rendered r = rendered.get(new dev.pullsync.desired.Ref(s.namespace(), s.name()));
      boolean same =
          r != null
              && (r.unchanged()
                  || (!s.fingerprint().isEmpty() && r.fingerprint().equals(s.fingerprint())));
      marked.add(same ? s.withSourceDigest(r.sourceDigest()) : s);
    }
    return new ClusterListing(namespaces, marked, foreignSecrets);
  }

  /** This listing naming {@code foreign} as Secrets pullsync found in its way. */
  public ClusterListing withForeignSecrets(List<ForeignSecret> foreign) {
    return new ClusterListing(namespaces, managedSecrets, foreign);
  }

  /**
   * What one revision renders for one Secret: its fingerprint and its sources' digest, and whether
   * the reconcile's plan found the Secret already holding that data (compared byte for byte).
   */
  public record Rendered(String fingerprint, String sourceDigest, boolean unchanged) {
    public Rendered {
      Objects.requireNonNull(fingerprint, "fingerprint");
      Objects.requireNonNull(sourceDigest, "sourceDigest");
    }

    /**
     * Per desired Secret, what {@code desired} renders, given each PullSecret's source digest and
     * the Secrets the plan left unchanged.
     */
    public static Map<dev.pullsync.desired.Ref, Rendered> of(
        dev.pullsync.desired.Desired desired,
        Map<String, String> digests,
        java.util.Set<dev.pullsync.desired.Ref> unchanged) {
      Map<dev.pullsync.desired.Ref, Rendered> out = new java.util.HashMap<>();
      for (dev.pullsync.desired.DesiredSecret s : desired.secrets()) {
        String print = s.annotations().get(dev.pullsync.desired.Ownership.FINGERPRINT);
        String digest = digests.get(s.pullSecret());
        if (print != null && digest != null) {
          out.put(s.ref(), new Rendered(print, digest, unchanged.contains(s.ref())));
        }
      }
      return out;
    }
  }

  /**
   * A Secret not managed by pullsync that carries a name a PullSecret wants (found by a create's
   * conflict or a plan's look-up): a conflict unless the PullSecret adopts it.
   */
  public record ForeignSecret(String namespace, String name) {
    public ForeignSecret {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(name, "name");
    }
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

  /**
   * One Secret labelled managed by pullsync, as its labels and annotations describe it, with the
   * registry servers its {@code .dockerconfigjson} names (not secret) and, when it holds exactly
   * what the enforced revision renders, that revision's {@link dev.pullsync.desired.SourceDigest}
   * (else empty).
   */
  public record ManagedSecret(
      String namespace,
      String name,
      String type,
      String pullSecret,
      String instance,
      String fingerprint,
      String sourceRevision,
      List<String> servers,
      String sourceDigest) {
    public ManagedSecret {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(name, "name");
      type = type == null ? "" : type;
      pullSecret = pullSecret == null ? "" : pullSecret;
      instance = instance == null ? "" : instance;
      fingerprint = fingerprint == null ? "" : fingerprint;
      sourceRevision = sourceRevision == null ? "" : sourceRevision;
      servers = List.copyOf(servers);
      sourceDigest = sourceDigest == null ? "" : sourceDigest;
    }

    /** A Secret whose servers and source digest are not known. */
    public ManagedSecret(
        String namespace,
        String name,
        String type,
        String pullSecret,
        String instance,
        String fingerprint,
        String sourceRevision) {
      this(namespace, name, type, pullSecret, instance, fingerprint, sourceRevision, List.of(), "");
    }

    /** This Secret with {@code digest} as its source digest. */
    public ManagedSecret withSourceDigest(String digest) {
      return new ManagedSecret(
          namespace,
          name,
          type,
          pullSecret,
          instance,
          fingerprint,
          sourceRevision,
          servers,
          digest);
    }
  }
}
