package dev.pullsync.unseal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

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
    Iterable<Object> docs;
    try {
      docs =
          new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build())
              .loadAllFromString(text);
      int index = 0;
      for (Object doc : docs) {
        if (doc != null) {
          addDocument(doc, index, out);
        }
        index++;
      }
    } catch (YamlEngineException e) {
      throw new IllegalArgumentException("not valid YAML or JSON");
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
