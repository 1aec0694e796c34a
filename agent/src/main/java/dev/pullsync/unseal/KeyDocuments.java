package dev.pullsync.unseal;

import dev.pullsync.spec.YamlLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads sealed-secrets key Secrets from manifest text (YAML or JSON): one {@code v1 Secret} of type
 * {@code kubernetes.io/tls}, or a key backup {@code v1 List} of them (what {@code kubectl get
 * secret -l sealedsecrets.bitnami.com/sealed-secrets-key -o yaml} prints). Secrets labelled {@code
 * compromised} are skipped, as the controller skips them. Failures are {@link
 * IllegalArgumentException}s of the form {@code field.path: problem}, never with key material.
 */
final class KeyDocuments {
  private KeyDocuments() {}

  static List<KeySecret> parse(String text) {
    List<KeySecret> out = new ArrayList<>();
    List<Node> docs;
    try {
      docs = YamlLimits.composeAll(text);
    } catch (YamlEngineException e) {
      throw ManifestTree.Unreadable.of(e);
    }
    for (int index = 0; index < docs.size(); index++) {
      Object doc = plain(docs.get(index));
      if (doc != null) {
        addDocument(doc, index, out);
      }
    }
    return out;
  }

  /** Maps, lists, strings and nulls; depth and size are bounded by {@link YamlLimits}. */
  private static Object plain(Node node) {
    if (node instanceof ScalarNode scalar) {
      return Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue();
    }
    if (node instanceof SequenceNode seq) {
      List<Object> out = new ArrayList<>();
      seq.getValue().forEach(item -> out.add(plain(item)));
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (NodeTuple t : ((MappingNode) node).getValue()) {
      String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
      out.put(key, plain(t.getValueNode()));
    }
    return out;
  }

  private static void addDocument(Object doc, int index, List<KeySecret> out) {
    Map<?, ?> map = asMap(doc, "");
    Object kind = map.get("kind");
    if ("List".equals(kind) || "SecretList".equals(kind)) {
      Object items = map.get("items");
      if (!(items instanceof List<?> list)) {
        throw new IllegalArgumentException("items: a key backup List needs items");
      }
      for (int i = 0; i < list.size(); i++) {
        addSecret(asMap(list.get(i), "items[" + i + "]"), "items[" + i + "].", out);
      }
    } else if ("Secret".equals(kind)) {
      addSecret(map, "", out);
    } else {
      throw new IllegalArgumentException(
          "kind: expected a Secret or a List of Secrets (document " + (index + 1) + ")");
    }
  }

  private static void addSecret(Map<?, ?> secret, String path, List<KeySecret> out) {
    if (!"Secret".equals(secret.get("kind"))) {
      throw new IllegalArgumentException(path + "kind: expected Secret");
    }
    Object type = secret.get("type");
    if (type != null && !"kubernetes.io/tls".equals(type)) {
      throw new IllegalArgumentException(path + "type: expected kubernetes.io/tls");
    }
    Map<?, ?> meta = asMap(orEmpty(secret.get("metadata")), path + "metadata");
    Map<?, ?> labels = asMap(orEmpty(meta.get("labels")), path + "metadata.labels");
    Object label = labels.get(KeySecret.KEY_LABEL);
    if (label != null && !KeySecret.ACTIVE.equals(label)) {
      return;
    }
    Map<?, ?> data = asMap(orEmpty(secret.get("data")), path + "data");
    String origin = "secret " + orBlank(meta.get("namespace")) + "/" + orBlank(meta.get("name"));
    out.add(
        new KeySecret(
            origin, decoded(data, "tls.key", path, true), decoded(data, "tls.crt", path, false)));
  }

  private static byte[] decoded(Map<?, ?> data, String key, String path, boolean required) {
    Object value = data.get(key);
    if (value == null) {
      if (required) {
        throw new IllegalArgumentException(path + "data." + key + ": missing");
      }
      return new byte[0];
    }
    try {
      return Base64.getMimeDecoder().decode(value.toString().getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + "data." + key + ": not valid base64");
    }
  }

  private static Object orEmpty(Object o) {
    return o == null ? Map.of() : o;
  }

  private static String orBlank(Object o) {
    return o == null ? "" : o.toString();
  }

  private static Map<?, ?> asMap(Object o, String path) {
    if (o instanceof Map<?, ?> m) {
      return m;
    }
    throw new IllegalArgumentException(
        (path.isEmpty() ? "" : path + ": ") + "expected a mapping (a Kubernetes object)");
  }
}
