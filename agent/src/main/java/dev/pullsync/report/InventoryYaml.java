package dev.pullsync.report;

import dev.pullsync.live.ClusterListing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;

/**
 * Renders a {@link ClusterListing} as {@code status/<cluster>.inventory.yaml}, valid against {@code
 * inventory.schema.json}: what a pull request is planned against without the cluster. Names,
 * labels, types and fingerprints only, never a value; keys in a fixed order and lists sorted, so
 * only real changes make a new commit.
 */
public final class InventoryYaml {
  static final String KIND = "Inventory";

  /** The one line that carries the time; ignored when deciding whether to commit. */
  static final String TIMESTAMP_KEY = "reportedAt";

  private static final Pattern TIME = Pattern.compile("(?m)^" + TIMESTAMP_KEY + ":.*$");

  private final Dump dump = YamlReport.newDump();

  /** The inventory of {@code report}'s cluster, naming the revision the cluster holds. */
  public String render(Report report, ClusterListing listing) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("apiVersion", YamlReport.API_VERSION);
    root.put("kind", KIND);
    root.put("cluster", report.cluster());
    root.put("instance", report.instance());
    root.put("revision", report.appliedRevision().orElse(report.revision()));
    root.put(TIMESTAMP_KEY, report.finishedAt().toString());
    List<Object> namespaces = new ArrayList<>();
    for (ClusterListing.Namespace ns : listing.namespaces()) {
      namespaces.add(namespace(ns));
    }
    root.put("namespaces", namespaces);
    List<Object> managed = new ArrayList<>();
    for (ClusterListing.ManagedSecret s : listing.managedSecrets()) {
      managed.add(secret(s));
    }
    root.put("managedSecrets", managed);
    if (!listing.foreignSecrets().isEmpty()) {
      List<Object> foreign = new ArrayList<>();
      for (ClusterListing.ForeignSecret f : listing.foreignSecrets()) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("namespace", f.namespace());
        one.put("name", f.name());
        foreign.add(one);
      }
      root.put("foreignSecrets", foreign);
    }
    return dump.dumpToString(root);
  }

  /** The YAML with its time line blanked, for "did anything change" decisions. */
  static String withoutTime(String yaml) {
    return TIME.matcher(yaml).replaceAll(TIMESTAMP_KEY + ":");
  }

  private static Map<String, Object> namespace(ClusterListing.Namespace ns) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", ns.name());
    map.put("labels", new TreeMap<>(ns.labels()));
    if (!ns.exclude().isEmpty()) {
      map.put("exclude", ns.exclude());
    }
    if (ns.terminating()) {
      map.put("terminating", true);
    }
    List<Object> sas = new ArrayList<>();
    for (ClusterListing.ServiceAccount sa : ns.serviceAccounts()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("name", sa.name());
      one.put("imagePullSecrets", List.copyOf(sa.imagePullSecrets()));
      if (!sa.pullsyncEntries().isEmpty()) {
        Map<String, Object> entries = new LinkedHashMap<>();
        sa.pullsyncEntries().forEach((k, v) -> entries.put(k, List.copyOf(v)));
        one.put("pullsyncEntries", entries);
      }
      sas.add(one);
    }
    map.put("serviceAccounts", sas);
    return map;
  }

  private static Map<String, Object> secret(ClusterListing.ManagedSecret s) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("namespace", s.namespace());
    map.put("name", s.name());
    map.put("type", s.type());
    putIfSet(map, "pullSecret", s.pullSecret());
    putIfSet(map, "instance", s.instance());
    putIfSet(map, "fingerprint", s.fingerprint());
    putIfSet(map, "sourceRevision", s.sourceRevision());
    if (!s.servers().isEmpty()) {
      map.put("servers", s.servers());
    }
    putIfSet(map, "sourceDigest", s.sourceDigest());
    return map;
  }

  private static void putIfSet(Map<String, Object> map, String key, String value) {
    if (!value.isEmpty()) {
      map.put(key, value);
    }
  }
}
