package dev.pullsync.spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code bitnami.com/v1alpha1} SealedSecret a Registry names in {@code sealedSecretFile}:
 * the path must stay inside the spec root, the manifest (YAML or JSON) must hold {@code
 * .dockerconfigjson}, or {@code username} and {@code password} (and optionally {@code email}), each
 * a well-formed ciphertext. The scope comes from the annotations, as the controller reads it, and
 * must name the agent's own namespace (see {@link CredentialSource.SealedSecretFile#refusal}).
 */
final class SealedSecretFileReader {
  static final String API_VERSION = "bitnami.com/v1alpha1";
  private static final String FIELD = "spec.sealedSecretFile";
  private static final String CLUSTER_WIDE = "sealedsecrets.bitnami.com/cluster-wide";
  private static final String NAMESPACE_WIDE = "sealedsecrets.bitnami.com/namespace-wide";
  private static final Set<String> USER_KEYS = Set.of("username", "password", "email");

  private final Path realRoot;
  private final YamlReader yaml;
  private final String agentNamespace;

  SealedSecretFileReader(Path realRoot, YamlReader yaml, String agentNamespace) {
    this.realRoot = realRoot;
    this.yaml = yaml;
    this.agentNamespace = agentNamespace;
  }

  Optional<CredentialSource> read(String path, Location ref, List<Problem> out) {
    Optional<Path> file = resolve(path, ref, out);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    String name = SpecFiles.nameOf(realRoot, realRoot.resolve(path).normalize());
    YamlReader.Result result = yaml.read(file.get(), name);
    out.addAll(result.problems());
    if (!result.problems().isEmpty()) {
      return Optional.empty();
    }
    if (result.documents().size() != 1) {
      out.add(new Problem(ref, FIELD, path + " must hold exactly one document"));
      return Optional.empty();
    }
    return manifest(path, result.documents().get(0), ref, out);
  }

  private Optional<Path> resolve(String path, Location ref, List<Problem> out) {
    return RepoPath.resolve(realRoot, path, FIELD, ref, out);
  }

  private Optional<CredentialSource> manifest(
      String path, YamlDocument doc, Location ref, List<Problem> out) {
    JsonNode root = doc.root();
    String apiVersion = root.path("apiVersion").asString("");
    String kind = root.path("kind").asString("");
    if (!API_VERSION.equals(apiVersion) || !"SealedSecret".equals(kind)) {
      out.add(
          new Problem(
              ref,
              FIELD,
              path + " is not a " + API_VERSION + " SealedSecret (found kind \"" + kind + "\")"));
      return Optional.empty();
    }
    int before = out.size();
    String name = text(doc, List.of("metadata", "name"), true, out);
    String namespace = text(doc, List.of("metadata", "namespace"), false, out);
    JsonNode annotations = root.path("metadata").path("annotations");
    String scope =
        "true".equals(annotations.path(CLUSTER_WIDE).asString(""))
            ? "cluster-wide"
            : "true".equals(annotations.path(NAMESPACE_WIDE).asString(""))
                ? "namespace-wide"
                : "strict";
    shape(doc, out);
    Map<String, SecretValue.Sealed> data = encryptedData(doc, out);
    CredentialSource.SealedSecretFile file =
        new CredentialSource.SealedSecretFile(
            path, namespace, name, scope, data, doc.location(List.of("spec", "encryptedData")));
    List<Object> at = namespace.isEmpty() ? List.of("metadata") : List.of("metadata", "namespace");
    file.refusal(agentNamespace)
        .ifPresent(why -> out.add(new Problem(doc.location(at), YamlDocument.fieldPath(at), why)));
    return out.size() > before ? Optional.empty() : Optional.of(file);
  }

  private static Map<String, SecretValue.Sealed> encryptedData(
      YamlDocument doc, List<Problem> out) {
    List<Object> at = List.of("spec", "encryptedData");
    JsonNode data = doc.at(at);
    Map<String, SecretValue.Sealed> sealed = new LinkedHashMap<>();
    if (!data.isObject()) {
      out.add(RegistryReader.problem(doc, at, "is required and must be a mapping of ciphertexts"));
      return sealed;
    }
    for (String key : data.propertyNames()) {
      List<Object> field = List.of("spec", "encryptedData", key);
      if (!key.equals(".dockerconfigjson") && !USER_KEYS.contains(key)) {
        out.add(
            RegistryReader.problem(
                doc,
                field,
                "unexpected key; a registry credential holds"
                    + " .dockerconfigjson, or username, password and optionally email"));
        continue;
      }
      String text = data.path(key).isString() ? data.path(key).asString() : "";
      Optional<String> wrong =
          Ciphertext.problem(text)
              .or(() -> key.equals("email") ? Optional.empty() : Ciphertext.emptyProblem(text));
      wrong.ifPresentOrElse(
          m -> out.add(RegistryReader.problem(doc, field, m)),
          () -> sealed.put(key, new SecretValue.Sealed(text, doc.location(field))));
    }
    boolean config = data.has(".dockerconfigjson");
    boolean user = data.has("username") || data.has("password") || data.has("email");
    if (config == user || (user && !(data.has("username") && data.has("password")))) {
      out.add(
          RegistryReader.problem(
              doc,
              at,
              "must hold .dockerconfigjson, or username and"
                  + " password (and optionally email), not both or neither"));
    }
    return sealed;
  }

  /** The types of the optional fields the controller reads: metadata and the template's. */
  private static void shape(YamlDocument doc, List<Problem> out) {
    for (String meta : List.of("metadata", "template")) {
      List<Object> at = meta.equals("metadata") ? List.of() : List.of("spec", "template");
      if (!at.isEmpty() && !expect(doc, at, JsonNode::isObject, "a mapping", out)) {
        continue;
      }
      List<Object> metadata = append(at, "metadata");
      if (at.isEmpty() || expect(doc, metadata, JsonNode::isObject, "a mapping", out)) {
        for (String map : List.of("annotations", "labels")) {
          List<Object> field = append(metadata, map);
          if (expect(doc, field, JsonNode::isObject, "a mapping", out)) {
            for (String key : doc.at(field).propertyNames()) {
              expect(doc, append(field, key), JsonNode::isString, "a string", out);
            }
          }
        }
        if (!at.isEmpty()) {
          expect(doc, append(metadata, "name"), JsonNode::isString, "a string", out);
          expect(doc, append(metadata, "namespace"), JsonNode::isString, "a string", out);
        }
      }
    }
    expect(doc, List.of("spec", "template", "type"), JsonNode::isString, "a string", out);
  }

  /** False (and a problem) when the value at {@code at} is present but not {@code what}. */
  private static boolean expect(
      YamlDocument doc,
      List<Object> at,
      java.util.function.Predicate<JsonNode> kind,
      String what,
      List<Problem> out) {
    JsonNode node = doc.at(at);
    if (node.isMissingNode() || node.isNull()) {
      return false; // Kubernetes reads a null optional field as absent
    }
    if (!kind.test(node)) {
      out.add(
          RegistryReader.problem(
              doc, at, "must be " + what + ", not " + SchemaValidator.kindOf(node)));
      return false;
    }
    return true;
  }

  private static List<Object> append(List<Object> path, Object step) {
    List<Object> next = new java.util.ArrayList<>(path);
    next.add(step);
    return List.copyOf(next);
  }

  private static String text(
      YamlDocument doc, List<Object> at, boolean required, List<Problem> out) {
    JsonNode node = doc.at(at);
    if (node.isString() && !node.asString().isEmpty()) {
      return node.asString();
    }
    if (required || !node.isMissingNode()) {
      out.add(RegistryReader.problem(doc, at, "is required and must be a non-empty string"));
    }
    return "";
  }
}
