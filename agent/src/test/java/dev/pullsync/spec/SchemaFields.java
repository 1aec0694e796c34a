package dev.pullsync.spec;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every field path a shipped JSON Schema defines, for the tests that keep docs complete. */
final class SchemaFields {
  private final JsonNode root;

  private SchemaFields(JsonNode root) {
    this.root = root;
  }

  /** The schema {@code pullsync/schemas/<fileName>} from the classpath. */
  static SchemaFields of(String fileName) throws IOException {
    try (InputStream in = SchemaFields.class.getResourceAsStream("/pullsync/schemas/" + fileName)) {
      return new SchemaFields(JsonMapper.builder().build().readTree(in));
    }
  }

  /**
   * Dotted paths of every property, following {@code items} ({@code []}), local {@code $ref}s and
   * {@code oneOf}/{@code anyOf} alternatives: {@code spec.password.sealed}, {@code
   * spec.namespaces.selector.matchExpressions[].key}.
   */
  List<String> paths() {
    List<String> out = new ArrayList<>();
    walk(root, "", out, 0);
    return out.stream().distinct().toList();
  }

  private void walk(JsonNode schema, String prefix, List<String> out, int depth) {
    if (depth > 20) {
      throw new AssertionError("schema nesting too deep at " + prefix);
    }
    JsonNode s = resolve(schema);
    for (var e : s.path("properties").properties()) {
      String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      out.add(path);
      walk(e.getValue(), path, out, depth + 1);
    }
    if (s.has("items")) {
      walk(s.path("items"), prefix + "[]", out, depth + 1);
    }
    for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
      for (JsonNode alternative : s.path(combinator)) {
        walk(alternative, prefix, out, depth + 1);
      }
    }
  }

  private JsonNode resolve(JsonNode schema) {
    String ref = schema.path("$ref").asString("");
    if (!ref.startsWith("#/")) {
      return schema;
    }
    JsonNode target = root;
    for (String step : ref.substring(2).split("/")) {
      target = target.path(step);
    }
    return resolve(target);
  }
}
