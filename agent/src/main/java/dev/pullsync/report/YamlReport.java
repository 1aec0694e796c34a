package dev.pullsync.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Renders a {@link Report} as {@code status/<cluster>.yaml}, valid against {@code
 * report.schema.json}. Keys come in a fixed order and entries are sorted, so the same report always
 * renders to the same bytes and only real changes show up in a Git diff.
 */
public final class YamlReport {
  static final String API_VERSION = "pullsync.dev/v1alpha1";
  static final String KIND = "Status";

  /** The one line that carries the time; {@link ReportFiles} ignores it when comparing. */
  static final String TIMESTAMP_KEY = "finishedAt";

  private final Dump dump = newDump();

  /**
   * A dumper in the style of every status file: block style, list items indented under their key,
   * lines never split (so a long reason stays one line in a diff).
   */
  static Dump newDump() {
    return new Dump(
        DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setIndentWithIndicator(true)
            .setIndicatorIndent(2)
            .setWidth(Integer.MAX_VALUE)
            .setSplitLines(false)
            .build());
  }

  public String render(Report report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("apiVersion", API_VERSION);
    root.put("kind", KIND);
    root.put("cluster", report.cluster());
    root.put("instance", report.instance());
    root.put("result", report.result().display());
    root.put("revision", report.revision());
    report.appliedRevision().ifPresent(applied -> root.put("appliedRevision", applied));
    root.put(TIMESTAMP_KEY, report.finishedAt().toString());
    root.put("counts", counts(report.counts()));
    root.put("errors", List.copyOf(report.errors()));
    if (!report.notices().isEmpty()) {
      root.put("notices", List.copyOf(report.notices()));
    }
    List<Object> entries = new ArrayList<>();
    for (Report.Entry entry : ReportOrder.sorted(report.entries())) {
      entries.add(entry(entry));
    }
    root.put("entries", entries);
    if (!report.registries().isEmpty()) {
      root.put("registries", report.registries().stream().map(YamlReport::registry).toList());
    }
    return dump.dumpToString(root);
  }

  private static Map<String, Object> counts(Report.Counts counts) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("namespaces", counts.namespaces());
    map.put("secrets", counts.secrets());
    map.put("serviceAccounts", counts.serviceAccounts());
    map.put("created", counts.created());
    map.put("updated", counts.updated());
    map.put("linked", counts.linked());
    map.put("unlinked", counts.unlinked());
    map.put("deleted", counts.deleted());
    map.put("conflicts", counts.conflicts());
    map.put("pending", counts.pending());
    map.put("drifted", counts.drifted());
    map.put("failed", counts.failed());
    return map;
  }

  private static Map<String, Object> registry(Report.RegistryCheck check) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", check.registry());
    map.put("server", check.server());
    map.put("verdict", check.verdict());
    map.put("reason", check.reason());
    map.put("checkedAt", check.checkedAt().toString());
    if (!check.images().isEmpty()) {
      map.put("images", check.images().stream().map(YamlReport::image).toList());
    }
    return map;
  }

  private static Map<String, Object> image(Report.ImageCheck check) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("image", check.image());
    map.put("verdict", check.verdict());
    map.put("reason", check.reason());
    map.put("checkedAt", check.checkedAt().toString());
    return map;
  }

  private static Map<String, Object> entry(Report.Entry entry) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("pullSecret", entry.pullSecret());
    map.put("namespace", entry.namespace());
    map.put("kind", entry.kind());
    map.put("name", entry.name());
    entry.drift().ifPresent(drift -> map.put("drift", drift));
    map.put("action", entry.action());
    map.put("status", entry.status());
    map.put("reason", entry.reason());
    return map;
  }
}
