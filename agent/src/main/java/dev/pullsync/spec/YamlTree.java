package dev.pullsync.spec;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a composed YAML node graph into a JSON tree plus a path-to-line index, reporting duplicate
 * keys, non-scalar keys, unsupported tags and documents that expand beyond sane limits.
 */
final class YamlTree {
  static final int MAX_DEPTH = 50;
  static final int MAX_NODES = 100_000;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final String file;
  private final Map<List<Object>, Integer> lines = new HashMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private int nodes;

  record Converted(JsonNode root, Map<List<Object>, Integer> lines, List<Problem> problems) {}

  private YamlTree(String file) {
    this.file = file;
  }

  static Converted convert(Node root, String file) {
    YamlTree tree = new YamlTree(file);
    JsonNode json;
    try {
      json = tree.value(root, List.of(), line(root));
    } catch (TooLarge e) {
      tree.problems.clear();
      tree.problems.add(
          new Problem(
              new Location(file, line(root)),
              "",
              "document expands to more than "
                  + MAX_NODES
                  + " values or "
                  + MAX_DEPTH
                  + " levels (alias bomb?)"));
      json = JSON.nullNode();
    }
    return new Converted(json, tree.lines, tree.problems);
  }

  private JsonNode value(Node node, List<Object> path, int line) {
    if (++nodes > MAX_NODES || path.size() > MAX_DEPTH) {
      throw new TooLarge();
    }
    lines.putIfAbsent(path, line);
    if (node instanceof MappingNode map) {
      return mapping(map, path);
    }
    if (node instanceof SequenceNode seq) {
      ArrayNode array = JSON.arrayNode();
      for (Node item : seq.getValue()) {
        array.add(value(item, append(path, array.size()), line(item)));
      }
      return array;
    }
    return scalar((ScalarNode) node, path);
  }

  private JsonNode mapping(MappingNode map, List<Object> path) {
    ObjectNode object = JSON.objectNode();
    Map<String, Integer> seen = new HashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      Node keyNode = tuple.getKeyNode();
      int keyLine = line(keyNode);
      if (!(keyNode instanceof ScalarNode key)) {
        problem(keyLine, path, "mapping keys must be plain strings");
        continue;
      }
      String name = key.getValue();
      Integer first = seen.putIfAbsent(name, keyLine);
      if (first != null) {
        problem(keyLine, append(path, name), "duplicate key (first given at line " + first + ")");
        continue;
      }
      object.set(name, value(tuple.getValueNode(), append(path, name), keyLine));
    }
    return object;
  }

  private JsonNode scalar(ScalarNode node, List<Object> path) {
    String text = node.getValue();
    Tag tag = node.getTag();
    if (Tag.STR.equals(tag)) {
      return JSON.stringNode(text);
    }
    if (Tag.NULL.equals(tag)) {
      return JSON.nullNode();
    }
    if (Tag.BOOL.equals(tag)) {
      return JSON.booleanNode(text.equalsIgnoreCase("true"));
    }
    if (Tag.INT.equals(tag)) {
      return integer(text);
    }
    if (Tag.FLOAT.equals(tag)) {
      return floating(text);
    }
    problem(line(node), path, "YAML tag " + tag.getValue() + " is not supported here");
    return JSON.nullNode();
  }

  private static JsonNode integer(String text) {
    String t = text.replace("_", "");
    boolean negative = t.startsWith("-");
    String digits = t.replaceFirst("^[-+]", "");
    int radix = 10;
    if (digits.startsWith("0x")) {
      radix = 16;
      digits = digits.substring(2);
    } else if (digits.startsWith("0o")) {
      radix = 8;
      digits = digits.substring(2);
    }
    try {
      BigInteger value = new BigInteger(digits, radix);
      return JSON.numberNode(negative ? value.negate() : value);
    } catch (NumberFormatException e) {
      return JSON.stringNode(text);
    }
  }

  private static JsonNode floating(String text) {
    String t = text.toLowerCase(java.util.Locale.ROOT);
    if (t.endsWith(".inf")) {
      return JSON.numberNode(
          t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    if (t.equals(".nan")) {
      return JSON.numberNode(Double.NaN);
    }
    try {
      return JSON.numberNode(new java.math.BigDecimal(text.replace("_", "")));
    } catch (NumberFormatException e) {
      return JSON.stringNode(text);
    }
  }

  private void problem(int line, List<Object> path, String message) {
    problems.add(new Problem(new Location(file, line), YamlDocument.fieldPath(path), message));
  }

  private static List<Object> append(List<Object> path, Object step) {
    List<Object> next = new ArrayList<>(path.size() + 1);
    next.addAll(path);
    next.add(step);
    return List.copyOf(next);
  }

  static int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
  }

  private static final class TooLarge extends RuntimeException {
    TooLarge() {
      super(null, null, false, false);
    }
  }
}
