package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.SpecLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every field of a Registry, a PullSecret and a referenced SealedSecret file, in turn replaced by a
 * list, a mapping, a {@code !!set}, a number, a boolean and null: {@code validate} answers exit 2
 * with located problems in our words (never exit 4, never an exception's name), and a value of the
 * wrong kind is always reported (but null, on the optional fields of a Kubernetes object, means
 * absent).
 */
class ValidateRejectsWrongTypesInEveryFieldTest {
  private static final SpecLoader LOADER = new SpecLoader();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String MARK = "@@wrong@@";
  private static final Map<String, String> WRONG =
      Map.of(
          "list", "[a]",
          "mapping", "{a: b}",
          "set", "!!set {a, b}",
          "number", "12",
          "boolean", "true",
          "null", "null");
  private static final String SEALED = sealed();

  private static final String REGISTRIES =
      """
      [{"apiVersion": "pullsync.dev/v1alpha1", "kind": "Registry",
        "metadata": {"name": "harbor"},
        "spec": {"server": "harbor.example.com", "username": "robot",
                 "password": {"sealed": "%1$s"}, "email": "a@example.com",
                 "expires": "2027-06-30"}},
       {"apiVersion": "pullsync.dev/v1alpha1", "kind": "Registry",
        "metadata": {"name": "quay"},
        "spec": {"server": "quay.io", "username": {"sealed": "%1$s"},
                 "password": {"sealed": "%1$s"}}},
       {"apiVersion": "pullsync.dev/v1alpha1", "kind": "Registry",
        "metadata": {"name": "hub"},
        "spec": {"server": "docker.io", "dockerConfigJson": {"sealed": "%1$s"}}},
       {"apiVersion": "pullsync.dev/v1alpha1", "kind": "Registry",
        "metadata": {"name": "ghcr"},
        "spec": {"server": "ghcr.io", "sealedSecretFile": "sealed.yaml"}}]
      """
          .formatted(SEALED);

  private static final String PULL_SECRETS =
      """
      [{"apiVersion": "pullsync.dev/v1alpha1", "kind": "PullSecret",
        "metadata": {"name": "all"},
        "spec": {"registries": ["harbor", "quay", "hub", "ghcr"],
                 "namespaces": {"names": ["team-a"], "patterns": ["team-*"],
                                "exclude": ["team-x"],
                                "selector": {"matchLabels": {"tier": "web"},
                                             "matchExpressions": [{"key": "env",
                                                                   "operator": "In",
                                                                   "values": ["prod"]}]}},
                 "serviceAccounts": ["default"], "mode": "report", "adopt": "ifUnmanaged"}}]
      """;

  private static final String SEALED_FILE =
      """
      [{"apiVersion": "bitnami.com/v1alpha1", "kind": "SealedSecret",
        "metadata": {"name": "ghcr", "namespace": "pullsync",
                     "annotations": {"sealedsecrets.bitnami.com/namespace-wide": "true"}},
        "spec": {"encryptedData": {"username": "%1$s", "password": "%1$s"},
                 "template": {"metadata": {"name": "ghcr"}}}}]
      """
          .formatted(SEALED);

  @Test
  void everyWrongTypeIsAValidateError(@TempDir Path root) throws IOException {
    write(root, REGISTRIES, PULL_SECRETS, SEALED_FILE);
    assertThat(ValidateRun.of(root).exitCode()).as("the unchanged spec is valid").isZero();
    int cases = 0;
    List<String> failures = new ArrayList<>();
    for (String file : List.of("registries.yaml", "pull-secrets.yaml", "sealed.yaml")) {
      ArrayNode docs = (ArrayNode) JSON.readTree(textOf(file));
      for (int d = 0; d < docs.size(); d++) {
        for (List<Object> path : paths(docs.get(d), List.of())) {
          for (Map.Entry<String, String> wrong : WRONG.entrySet()) {
            ArrayNode changed = docs.deepCopy();
            JsonNode original = replace(changed.get(d), path, MARK);
            String yaml = toYaml(changed, wrong.getValue());
            write(root, file.equals("registries.yaml") ? yaml : REGISTRIES, null, null);
            write(root, null, file.equals("pull-secrets.yaml") ? yaml : PULL_SECRETS, null);
            write(root, null, null, file.equals("sealed.yaml") ? yaml : SEALED_FILE);
            try {
              boolean nullIsAbsent =
                  wrong.getKey().equals("null")
                      && file.equals("sealed.yaml")
                      && (path.contains("annotations") || path.contains("template"));
              String what = file + " doc " + d + " " + path + " = " + wrong.getKey();
              check(root, what, original, nullIsAbsent ? "absent" : wrong.getKey());
            } catch (AssertionError e) {
              failures.add(e.getMessage());
            }
            cases++;
          }
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(cases).isGreaterThan(300);
  }

  /**
   * {@code validate} is {@link SpecLoader#load} plus the exit-code table: a spec loads (exit 0),
   * throws {@link InvalidSpecException} (exit 2) or throws anything else (exit 4), so the walk
   * calls the loader directly and {@link #emailAsListExitsTwo} checks the command once.
   */
  private static void check(Path root, String what, JsonNode original, String wrong) {
    List<String> lines;
    try {
      LOADER.load(root);
      lines = List.of();
    } catch (InvalidSpecException e) {
      lines = e.problems().stream().map(Object::toString).toList();
      assertThat(lines).as(what).isNotEmpty();
    } catch (RuntimeException e) {
      throw new AssertionError(what + ": exit 4 (" + e.getClass().getName() + ")", e);
    }
    assertThat(lines)
        .as(what)
        .allMatch(l -> l.matches("[^:]+\\.yaml:[1-9]\\d*: .+"))
        .noneMatch(l -> l.contains("Exception") || l.contains(SEALED.substring(0, 40)));
    if (!sameKind(original, wrong)) {
      assertThat(lines).as(what + " must be reported").isNotEmpty();
    }
  }

  @Test
  void emailAsListExitsTwo(@TempDir Path root) throws IOException {
    write(root, REGISTRIES.replace("\"a@example.com\"", "[\"a\"]"), PULL_SECRETS, SEALED_FILE);
    ValidateRun run = ValidateRun.of(root);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.errLines())
        .containsExactly("registries.yaml:2: spec.email: must be a string, not a list");
  }

  private static boolean sameKind(JsonNode original, String wrong) {
    return switch (wrong) {
      case "list" -> original.isArray();
      case "mapping", "set" -> original.isObject();
      case "absent" -> true; // Kubernetes reads an optional null field as absent
      default -> false;
    };
  }

  /** Paths of every value under {@code node}, containers included. */
  private static List<List<Object>> paths(JsonNode node, List<Object> at) {
    List<List<Object>> out = new ArrayList<>();
    if (node.isObject()) {
      for (String name : node.propertyNames()) {
        List<Object> child = append(at, name);
        out.add(child);
        out.addAll(paths(node.get(name), child));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        List<Object> child = append(at, i);
        out.add(child);
        out.addAll(paths(node.get(i), child));
      }
    }
    return out;
  }

  private static JsonNode replace(JsonNode doc, List<Object> path, String mark) {
    JsonNode parent = doc;
    for (Object step : path.subList(0, path.size() - 1)) {
      parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
    }
    Object last = path.get(path.size() - 1);
    if (last instanceof Integer i) {
      JsonNode old = parent.get(i);
      ((ArrayNode) parent).set(i, JSON.getNodeFactory().stringNode(mark));
      return old;
    }
    JsonNode old = parent.get((String) last);
    ((ObjectNode) parent).put((String) last, mark);
    return old;
  }

  /** Flow-style YAML, one document per item; the mark becomes the raw wrong value. */
  private static String toYaml(ArrayNode docs, String wrong) {
    StringBuilder out = new StringBuilder();
    for (JsonNode doc : docs) {
      out.append("---\n").append(JSON.writeValueAsString(doc)).append('\n');
    }
    return out.toString().replace("\"" + MARK + "\"", wrong);
  }

  private static String textOf(String file) {
    return switch (file) {
      case "registries.yaml" -> REGISTRIES;
      case "pull-secrets.yaml" -> PULL_SECRETS;
      default -> SEALED_FILE;
    };
  }

  private static void write(Path root, String registries, String pullSecrets, String sealedFile)
      throws IOException {
    if (registries != null) {
      Files.writeString(root.resolve("registries.yaml"), flow(registries));
    }
    if (pullSecrets != null) {
      Files.writeString(root.resolve("pull-secrets.yaml"), flow(pullSecrets));
    }
    if (sealedFile != null) {
      Files.writeString(root.resolve("sealed.yaml"), flow(sealedFile), StandardCharsets.UTF_8);
    }
  }

  /** A JSON array of documents as a YAML stream (already-converted text passes through). */
  private static String flow(String text) {
    if (text.startsWith("---")) {
      return text;
    }
    JsonNode docs = JSON.readTree(text);
    StringBuilder out = new StringBuilder();
    docs.forEach(d -> out.append("---\n").append(JSON.writeValueAsString(d)).append('\n'));
    return out.toString();
  }

  private static List<Object> append(List<Object> path, Object step) {
    List<Object> next = new ArrayList<>(path);
    next.add(step);
    return next;
  }

  /** A well-shaped ciphertext: a 128-byte RSA block length, the block, 24 bytes and a GCM tag. */
  private static String sealed() {
    byte[] bytes = new byte[2 + 128 + 16 + 24];
    bytes[1] = (byte) 128;
    for (int i = 2; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 7);
    }
    return Base64.getEncoder().encodeToString(bytes);
  }
}
