package dev.pullsync.spec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One YAML document as a JSON tree, with the line of every value so that problems found in the tree
 * can be reported at {@code file:line}. A value's line is the line of its key (for mapping entries)
 * or of the item itself (for sequence items).
 *
 * @param file path relative to the spec root, forward slashes
 * @param line the line the document starts on
 * @param lines path (of {@code String} keys and {@code Integer} indexes) to 1-based line
 */
public record YamlDocument(String file, int line, JsonNode root, Map<List<Object>, Integer> lines) {
  public YamlDocument {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(root, "root");
    lines = Map.copyOf(lines);
  }

  /** Where the value at {@code path} is written (its nearest located ancestor if not itself). */
  public Location location(List<Object> path) {
    for (int n = path.size(); n >= 0; n--) {
      Integer found = lines.get(path.subList(0, n));
      if (found != null) {
        return new Location(file, found);
      }
    }
    return new Location(file, line);
  }

  /** The value at {@code path}, or a missing node. */
  public JsonNode at(List<Object> path) {
    JsonNode node = root;
    for (Object step : path) {
      node = step instanceof Integer i ? node.path(i) : node.path((String) step);
    }
    return node;
  }

  /**
   * A path as users read it: {@code spec.registries[0]}; keys that are not simple words are quoted,
   * as in {@code matchLabels["app.kubernetes.io/part-of"]}.
   */
  public static String fieldPath(List<Object> path) {
    StringBuilder out = new StringBuilder();
    for (Object step : path) {
      if (step instanceof Integer i) {
        out.append('[').append(i).append(']');
      } else if (((String) step).matches("[A-Za-z_][A-Za-z0-9_-]*")) {
        out.append(out.isEmpty() ? "" : ".").append(step);
      } else {
        out.append("[\"").append(step).append("\"]");
      }
    }
    return out.toString();
  }
}
