package dev.pullsync.bench;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Requests the API server received, by {@code "verb resource"} (e.g. {@code "create secrets"}). */
record RequestCounts(Map<String, Long> byKey) {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  RequestCounts {
    byKey = Collections.unmodifiableSortedMap(new TreeMap<>(byKey));
  }

  static RequestCounts of(Map<String, Long> byKey) {
    return new RequestCounts(byKey);
  }

  static RequestCounts parse(String json) {
    return new RequestCounts(JSON.readValue(json, new TypeReference<Map<String, Long>>() {}));
  }

  String json() {
    return JSON.writeValueAsString(byKey);
  }

  long total() {
    return byKey.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Requests with one of the given verbs. */
  long verbs(String... verbs) {
    long n = 0;
    for (Map.Entry<String, Long> e : byKey.entrySet()) {
      for (String v : verbs) {
        if (e.getKey().startsWith(v + " ")) {
          n += e.getValue();
        }
      }
    }
    return n;
  }

  long writes() {
    return verbs("create", "update", "patch", "delete");
  }

  long reads() {
    return verbs("get", "list", "watch");
  }

  long of(String key) {
    return byKey.getOrDefault(key, 0L);
  }

  /** Compact text such as {@code create secrets=5, update serviceaccounts=5}. */
  String describe() {
    if (byKey.isEmpty()) {
      return "none";
    }
    StringBuilder sb = new StringBuilder();
    byKey.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append('=').append(v));
    return sb.toString();
  }
}
