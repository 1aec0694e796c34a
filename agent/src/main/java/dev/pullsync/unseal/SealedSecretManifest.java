package dev.pullsync.unseal;

import dev.pullsync.spec.CredentialSource;
import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.Location;
import dev.pullsync.spec.Problem;
import dev.pullsync.spec.SecretValue;
import dev.pullsync.spec.YamlDocument;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code bitnami.com/v1alpha1 SealedSecret} manifest (YAML or JSON, as kubeseal writes it): its
 * namespace, name and scope (from its own annotations, as the controller reads them), its sealed
 * values with their lines, and the template the unsealed Secret takes its metadata and type from.
 */
public record SealedSecretManifest(
    String namespace,
    String name,
    Scope scope,
    Map<String, SecretValue.Sealed> encryptedData,
    Map<String, Object> templateMetadata,
    String type,
    Location location) {
  public SealedSecretManifest {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scope, "scope");
    encryptedData = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(encryptedData));
    templateMetadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(templateMetadata));
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(location, "location");
  }

  /**
   * Parses {@code text}; {@code file} names it in problems.
   *
   * @throws InvalidSpecException when it is not a SealedSecret with encryptedData
   */
  public static SealedSecretManifest parse(String text, String file) {
    ManifestTree tree;
    try {
      tree = ManifestTree.parse(text);
    } catch (ManifestTree.Unreadable e) {
      throw invalid(file, e.line, "", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw invalid(file, 1, "", e.getMessage());
    }
    Map<String, Object> root = map(tree.root(), file, "");
    if (!"SealedSecret".equals(root.get("kind"))) {
      throw invalid(
          file, tree.line("kind"), "kind", "expected a bitnami.com/v1alpha1 SealedSecret");
    }
    Map<String, Object> meta = map(root.get("metadata"), file, "metadata");
    Map<String, Object> spec = map(root.get("spec"), file, "spec");
    Map<String, Object> template = map(spec.get("template"), file, "spec.template");
    Map<String, Object> sealed = map(spec.get("encryptedData"), file, "spec.encryptedData");
    if (template.get("data") != null) {
      throw invalid(
          file,
          tree.line("spec.template.data"),
          "spec.template.data",
          "templated Secret data is not supported; only encryptedData is unsealed");
    }
    if (sealed.isEmpty()) {
      throw invalid(file, tree.line("spec"), "spec.encryptedData", "no sealed values");
    }
    Map<String, SecretValue.Sealed> data = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : sealed.entrySet()) {
      String path = "spec.encryptedData." + e.getKey();
      data.put(
          e.getKey(),
          new SecretValue.Sealed(
              String.valueOf(e.getValue()), new Location(file, tree.line(path))));
    }
    Map<String, String> annotations = strings(meta.get("annotations"));
    return new SealedSecretManifest(
        text(meta.get("namespace")),
        text(meta.get("name")),
        Scope.fromAnnotations(annotations),
        data,
        map(template.get("metadata"), file, "spec.template.metadata"),
        template.get("type") == null ? "Opaque" : text(template.get("type")),
        new Location(file, 1));
  }

  /** The label this SealedSecret's values are bound to. */
  public byte[] label() {
    return scope.label(namespace, name);
  }

  /** This manifest as a Registry's {@code sealedSecretFile} source, found at {@code path}. */
  public CredentialSource.SealedSecretFile credentialSource(String path) {
    return new CredentialSource.SealedSecretFile(
        path, namespace, name, scope.text(), encryptedData, location);
  }

  /**
   * The Secret this SealedSecret seals, as a manifest map ({@code apiVersion, kind, metadata, type,
   * data} with base64 values), opened with {@code ring} as the controller would.
   *
   * @throws InvalidSpecException one problem per value no key could open
   */
  public Map<String, Object> unseal(KeyRing ring) {
    Map<String, Object> data = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<String, SecretValue.Sealed> e : encryptedData.entrySet()) {
      SecretValue.Sealed value = e.getValue();
      try {
        byte[] plain = ring.open(SealedText.decode(value.ciphertext()), label());
        data.put(e.getKey(), Base64.getEncoder().encodeToString(plain));
      } catch (UnsealException ex) {
        String why =
            ex.reason() == UnsealException.Reason.NO_KEY
                ? ex.getMessage() + " for scope " + scope.describe(namespace, name)
                : ex.getMessage();
        problems.add(new Problem(value.location(), field(e.getKey()), why));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(problems);
    }
    Map<String, Object> metadata = new LinkedHashMap<>(templateMetadata);
    metadata.remove("creationTimestamp");
    metadata.put("name", name);
    metadata.put("namespace", namespace);
    Map<String, Object> secret = new LinkedHashMap<>();
    secret.put("apiVersion", "v1");
    secret.put("kind", "Secret");
    secret.put("metadata", metadata);
    secret.put("type", type);
    secret.put("data", data);
    return secret;
  }

  @Override
  public String toString() {
    return "SealedSecretManifest["
        + scope.describe(namespace, name)
        + ", "
        + encryptedData.keySet()
        + "]";
  }

  private static String text(Object o) {
    return o == null ? "" : o.toString();
  }

  private static Map<String, String> strings(Object o) {
    Map<String, String> out = new LinkedHashMap<>();
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o, String file, String field) {
    if (o == null) {
      return new LinkedHashMap<>();
    }
    if (o instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw invalid(file, 1, field, "expected a mapping");
  }

  private static InvalidSpecException invalid(String file, int line, String field, String message) {
    return new InvalidSpecException(List.of(new Problem(new Location(file, line), field, message)));
  }

  /** The user-facing field path of one sealed key, spelled as the spec stage spells paths. */
  static String field(String key) {
    return YamlDocument.fieldPath(List.of("spec", "encryptedData", key));
  }
}
