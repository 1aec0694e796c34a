package dev.pullsync.unseal;

import dev.pullsync.spec.YamlLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * One YAML or JSON document as plain maps, lists and strings (every scalar kept as its text), with
 * the 1-based line of each value by dotted path (e.g. {@code spec.encryptedData.password}), so that
 * problems can point at the line.
 */
record ManifestTree(Object root, Map<String, Integer> lines) {
  ManifestTree {
    lines = Map.copyOf(lines);
  }

  /**
   * Parses the first non-empty document of {@code text}.
   *
   * @throws Unreadable "not valid YAML or JSON" or a {@link YamlLimits} refusal, with its line
   *     (parser words not copied)
   */
  static ManifestTree parse(String text) {
    try {
      for (Node node : YamlLimits.composeAll(text)) {
        if (node != null) {
          Map<String, Integer> lines = new LinkedHashMap<>();
          return new ManifestTree(convert(node, "", lines), lines);
        }
      }
    } catch (YamlEngineException e) {
      throw Unreadable.of(e);
    }
    throw new IllegalArgumentException("empty document");
  }

  /** The line of the value at {@code path}, or 1 when unknown. */
  int line(String path) {
    return lines.getOrDefault(path, 1);
  }

  /**
   * A node as plain maps, lists and strings; {@code lines} receives the line of each value. Safe on
   * any node from {@link YamlLimits#composeAll}: depth and size are bounded there.
   */
  static Object convert(Node node, String path, Map<String, Integer> lines) {
    lines.put(path, node.getStartMark().map(m -> m.getLine() + 1).orElse(1));
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    if (node instanceof SequenceNode seq) {
      List<Object> out = new ArrayList<>();
      for (Node item : seq.getValue()) {
        out.add(convert(item, path + "[" + out.size() + "]", lines));
      }
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (NodeTuple t : ((MappingNode) node).getValue()) {
      String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
      out.put(key, convert(t.getValueNode(), path.isEmpty() ? key : path + "." + key, lines));
    }
    return out;
  }

  /** Text that is not YAML, or that passes a {@link YamlLimits} limit, at {@link #line}. */
  static final class Unreadable extends IllegalArgumentException {
    final int line;

    private Unreadable(int line, String message) {
      super(message);
      this.line = line;
    }

    static Unreadable of(YamlEngineException e) {
      if (e instanceof YamlLimits.TooComplex limit) {
        return new Unreadable(limit.line(), limit.getMessage());
      }
      int line =
          e instanceof MarkedYamlEngineException marked
              ? marked.getProblemMark().map(m -> m.getLine() + 1).orElse(1)
              : 1;
      return new Unreadable(line, "not valid YAML or JSON");
    }
  }
}
