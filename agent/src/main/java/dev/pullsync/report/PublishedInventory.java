package dev.pullsync.report;

import dev.pullsync.live.ClusterListing;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * A {@code status/<cluster>.inventory.yaml} read back: which cluster, the revision it held and when
 * it was reported, and its listing; what {@code plan --offline-from} plans against.
 */
public record PublishedInventory(
    String cluster, String instance, String revision, Instant reportedAt, ClusterListing listing) {
  /** Largest inventory read: room for tens of thousands of namespaces. */
  static final int MAX_CHARS = 256 * 1024 * 1024;

  public PublishedInventory {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(reportedAt, "reportedAt");
    Objects.requireNonNull(listing, "listing");
  }

  /**
   * Parses an inventory file.
   *
   * @throws IllegalArgumentException naming what is wrong when it is not an inventory
   */
  public static PublishedInventory parse(String yaml) {
    Map<?, ?> root;
    try {
      Object tree =
          new Load(LoadSettings.builder().setCodePointLimit(MAX_CHARS).build())
              .loadFromString(yaml);
      root = tree instanceof Map<?, ?> m ? m : Map.of();
    } catch (YamlEngineException e) {
      throw new IllegalArgumentException(
          "not YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (!InventoryYaml.KIND.equals(root.get("kind"))) {
      throw new IllegalArgumentException("not a pullsync inventory (kind: Inventory expected)");
    }
    List<ClusterListing.Namespace> namespaces = new ArrayList<>();
    for (Map<?, ?> ns : maps(root.get("namespaces"))) {
      List<ClusterListing.ServiceAccount> sas = new ArrayList<>();
      for (Map<?, ?> sa : maps(ns.get("serviceAccounts"))) {
        Map<String, SortedSet<String>> entries = new TreeMap<>();
        if (sa.get("pullsyncEntries") instanceof Map<?, ?> m) {
          m.forEach((k, v) -> entries.put(String.valueOf(k), new TreeSet<>(strings(v))));
        }
        sas.add(
            new ClusterListing.ServiceAccount(
                text(sa, "name"), strings(sa.get("imagePullSecrets")), entries));
      }
      Map<String, String> labels = new TreeMap<>();
      if (ns.get("labels") instanceof Map<?, ?> m) {
        m.forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
      }
      namespaces.add(
          new ClusterListing.Namespace(
              text(ns, "name"),
              labels,
              optional(ns, "exclude"),
              Boolean.TRUE.equals(ns.get("terminating")),
              sas));
    }
    List<ClusterListing.ManagedSecret> secrets = new ArrayList<>();
    for (Map<?, ?> s : maps(root.get("managedSecrets"))) {
      secrets.add(
          new ClusterListing.ManagedSecret(
              text(s, "namespace"),
              text(s, "name"),
              optional(s, "type"),
              optional(s, "pullSecret"),
              optional(s, "instance"),
              optional(s, "fingerprint"),
              optional(s, "sourceRevision"),
              strings(s.get("servers")),
              optional(s, "sourceDigest")));
    }
    List<ClusterListing.ForeignSecret> foreign = new ArrayList<>();
    for (Map<?, ?> f : maps(root.get("foreignSecrets"))) {
      foreign.add(new ClusterListing.ForeignSecret(text(f, "namespace"), text(f, "name")));
    }
    try {
      return new PublishedInventory(
          text(root, "cluster"),
          text(root, "instance"),
          text(root, "revision"),
          Instant.parse(text(root, InventoryYaml.TIMESTAMP_KEY)),
          new ClusterListing(namespaces, secrets, foreign));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(InventoryYaml.TIMESTAMP_KEY + " is not a UTC time");
    }
  }

  private static List<Map<?, ?>> maps(Object list) {
    List<Map<?, ?>> out = new ArrayList<>();
    if (list instanceof List<?> l) {
      l.forEach(item -> out.add(item instanceof Map<?, ?> m ? m : Map.of()));
    }
    return out;
  }

  private static List<String> strings(Object list) {
    return list instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
  }

  private static String text(Map<?, ?> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      throw new IllegalArgumentException("inventory lacks '" + key + "'");
    }
    return String.valueOf(value);
  }

  private static String optional(Map<?, ?> map, String key) {
    Object value = map.get(key);
    return value == null ? "" : String.valueOf(value);
  }
}
