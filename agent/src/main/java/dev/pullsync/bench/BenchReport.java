package dev.pullsync.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Every figure of one benchmark run, printed as one table or as JSON. */
record BenchReport(Map<String, String> setup, List<Figure> figures) {
  BenchReport {
    setup = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(setup));
    figures = List.copyOf(figures);
  }

  /** True when no hard target was missed. */
  boolean hardTargetsMet() {
    return figures.stream().allMatch(f -> f.met() || !f.hard());
  }

  String table() {
    int phase = width(figures.stream().map(Figure::phase).toList(), "phase");
    int name = width(figures.stream().map(Figure::name).toList(), "figure");
    int value = width(figures.stream().map(Figure::value).toList(), "measured");
    int target = width(figures.stream().map(Figure::target).toList(), "target");
    String format = "%-" + phase + "s  %-" + name + "s  %-" + value + "s  %-" + target + "s  %s%n";
    StringBuilder out = new StringBuilder();
    setup.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
    out.append('\n');
    out.append(String.format(format, "phase", "figure", "measured", "target", "verdict"));
    out.append(
        String.format(
            format, dashes(phase), dashes(name), dashes(value), dashes(target), "-------"));
    String last = "";
    for (Figure f : figures) {
      String p = f.phase().equals(last) ? "" : f.phase();
      last = f.phase();
      out.append(String.format(format, p, f.name(), f.value(), f.target(), f.verdict()));
    }
    out.append('\n').append("hard targets:\n");
    for (Figure f : figures) {
      if (f.hard()) {
        out.append(
            String.format(
                "  %-4s  %s, %s: %s (target %s)%n",
                f.verdict(), f.phase(), f.name(), f.value(), f.target()));
      }
    }
    out.append(hardTargetsMet() ? "hard targets: all PASS" : "hard targets: FAIL");
    return out.append('\n').toString();
  }

  String json() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Figure f : figures) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("phase", f.phase());
      row.put("figure", f.name());
      row.put("measured", f.value());
      row.put("target", f.target());
      row.put("met", f.met());
      row.put("hard", f.hard());
      rows.add(row);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("setup", setup);
    doc.put("hardTargetsMet", hardTargetsMet());
    doc.put("figures", rows);
    return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(doc);
  }

  private static int width(List<String> values, String header) {
    return Math.max(header.length(), values.stream().mapToInt(String::length).max().orElse(0));
  }

  private static String dashes(int n) {
    return "-".repeat(n);
  }
}
