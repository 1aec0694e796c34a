package dev.pullsync.demo;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The two patch forms {@code kubectl patch} sends, applied as a real API server does, for the kinds
 * the demo holds. JSON merge patch (RFC 7386): objects merge, {@code null} removes a key, and every
 * list is replaced whole. Strategic merge patch: the same, except lists the API declares with a
 * merge key are merged item by item on that key; of the demo's kinds only {@code
 * ServiceAccount.secrets} (key {@code name}) is one, so {@code ServiceAccount.imagePullSecrets},
 * which has no merge key, is replaced whole. Patch directives ({@code $patch}, {@code
 * $retainKeys}...) are refused rather than misread.
 */
final class MergePatch {
  /** Merge-keyed lists by resource (the path segment) and field name. */
  private static final Map<String, Map<String, String>> MERGE_KEYS =
      Map.of("serviceaccounts", Map.of("secrets", "name"));

  private MergePatch() {}

  /** Whether {@code contentType} is one of the two forms handled here. */
  static Optional<Boolean> strategic(String contentType) {
    String type = contentType.toLowerCase(java.util.Locale.ROOT);
    if (type.startsWith("application/strategic-merge-patch+json")) {
      return Optional.of(true);
    }
    if (type.startsWith("application/merge-patch+json")) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  /**
   * The patched document.
   *
   * @param resource the resource's plural path segment ({@code serviceaccounts})
   * @throws IllegalArgumentException on a patch directive the demo does not implement
   */
  static JsonNode apply(JsonNode target, JsonNode patch, boolean strategic, String resource) {
    Map<String, String> keys = strategic ? MERGE_KEYS.getOrDefault(resource, Map.of()) : Map.of();
    return merge(target, patch, strategic, keys, true);
  }

  private static JsonNode merge(
      JsonNode target, JsonNode patch, boolean strategic, Map<String, String> keys, boolean top) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (strategic && name.startsWith("$")) {
        throw new IllegalArgumentException("patch directive " + name + " is not supported here");
      }
      if (value.isNull()) {
        result.remove(name);
      } else if (top && keys.containsKey(name) && value.isArray()) {
        result.set(name, mergeByKey(result.get(name), (ArrayNode) value, keys.get(name)));
      } else {
        result.set(name, merge(result.get(name), value, strategic, Map.of(), false));
      }
    }
    return result;
  }

  /** Items with the same key are merged, new ones appended, in the patch's order first. */
  private static ArrayNode mergeByKey(JsonNode current, ArrayNode patch, String key) {
    Map<String, JsonNode> byKey = new LinkedHashMap<>();
    if (current != null && current.isArray()) {
      for (JsonNode item : current) {
        byKey.put(item.path(key).asString(""), item);
      }
    }
    for (Iterator<JsonNode> it = patch.iterator(); it.hasNext(); ) {
      JsonNode item = it.next();
      String k = item.path(key).asString("");
      byKey.put(k, merge(byKey.get(k), item, true, Map.of(), false));
    }
    ArrayNode merged = JsonNodeFactory.instance.arrayNode();
    byKey.values().forEach(merged::add);
    return merged;
  }
}
