package dev.pullsync.desired;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code .dockerconfigjson} document under construction: {@code {"auths":{server:entry}}},
 * rendered byte for byte as kubectl (Go) renders it. Entry fields come in Go's struct order ({@code
 * username}, {@code password}, {@code email}, {@code auth}; empty ones omitted), then any other
 * string fields of a merged config in sorted order; servers are sorted as Go sorts map keys (by
 * UTF-8 bytes). Mutable and local to one render; never printed.
 */
public final class DockerConfig {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Comparator<String> GO_KEY_ORDER =
      (a, b) ->
          Arrays.compareUnsigned(
              a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  private static final java.util.List<String> GO_FIELDS =
      java.util.List.of("username", "password", "email", "auth");

  private final TreeMap<String, Map<String, String>> auths = new TreeMap<>(GO_KEY_ORDER);

  /** Adds {@code server} with a username and password, as {@code kubectl create secret}. */
  public DockerConfig add(String server, String username, String password, String email) {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("username", username);
    entry.put("password", password);
    entry.put("email", email == null ? "" : email);
    String pair = username + ":" + password;
    entry.put("auth", Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    auths.put(server, entry);
    return this;
  }

  /**
   * Merges every {@code auths} entry of a whole {@code .dockerconfigjson}.
   *
   * @throws IllegalArgumentException with a message that never quotes the content
   */
  public DockerConfig merge(byte[] dockerConfigJson) {
    parse(dockerConfigJson).forEach(auths::put);
    return this;
  }

  /** The rendered bytes: no whitespace, no trailing newline. */
  public byte[] toJson() {
    StringBuilder out = new StringBuilder("{\"auths\":{");
    boolean firstServer = true;
    for (Map.Entry<String, Map<String, String>> server : auths.entrySet()) {
      if (!firstServer) {
        out.append(',');
      }
      firstServer = false;
      GoJson.quote(out, server.getKey());
      out.append(":{");
      boolean firstField = true;
      for (Map.Entry<String, String> field : ordered(server.getValue()).entrySet()) {
        if (field.getValue().isEmpty()) {
          continue;
        }
        if (!firstField) {
          out.append(',');
        }
        firstField = false;
        GoJson.quote(out, field.getKey());
        out.append(':');
        GoJson.quote(out, field.getValue());
      }
      out.append('}');
    }
    return out.append("}}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Per server, the canonical rendering of its entry, so two configs can be compared registry by
   * registry without printing anything.
   *
   * @throws IllegalArgumentException when the bytes are not a {@code {"auths":{...}}} document
   */
  public static SortedMap<String, byte[]> entries(byte[] dockerConfigJson) {
    TreeMap<String, byte[]> out = new TreeMap<>(GO_KEY_ORDER);
    parse(dockerConfigJson)
        .forEach(
            (server, entry) -> {
              DockerConfig single = new DockerConfig();
              single.auths.put(server, entry);
              out.put(server, single.toJson());
            });
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * The {@code auths} entries of a whole {@code .dockerconfigjson}, per server, field by field.
   * Callers must not print the values.
   *
   * @throws IllegalArgumentException when the bytes are not a {@code {"auths":{...}}} document
   */
  static SortedMap<String, Map<String, String>> auths(byte[] dockerConfigJson) {
    TreeMap<String, Map<String, String>> out = new TreeMap<>(GO_KEY_ORDER);
    out.putAll(parse(dockerConfigJson));
    return out;
  }

  private static Map<String, String> ordered(Map<String, String> entry) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String f : GO_FIELDS) {
      if (entry.containsKey(f)) {
        out.put(f, entry.get(f));
      }
    }
    new TreeMap<>(entry).forEach(out::putIfAbsent);
    return out;
  }

  private static Map<String, Map<String, String>> parse(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(".dockerconfigjson is not valid JSON");
    }
    if (root == null || !root.isObject() || root.get("auths") == null) {
      throw new IllegalArgumentException(".dockerconfigjson has no \"auths\" object");
    }
    JsonNode authsNode = root.get("auths");
    if (!authsNode.isObject()) {
      throw new IllegalArgumentException(".dockerconfigjson \"auths\" is not an object");
    }
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> server : authsNode.properties()) {
      if (!server.getValue().isObject()) {
        throw new IllegalArgumentException(
            ".dockerconfigjson auths entry for a server is not an object");
      }
      Map<String, String> entry = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : server.getValue().properties()) {
        if (!field.getValue().isString()) {
          throw new IllegalArgumentException(
              ".dockerconfigjson auths field \"" + field.getKey() + "\" is not a string");
        }
        entry.put(field.getKey(), field.getValue().stringValue());
      }
      out.put(server.getKey(), entry);
    }
    return out;
  }
}
