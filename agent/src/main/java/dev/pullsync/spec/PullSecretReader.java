package dev.pullsync.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Builds a {@link PullSecretSpec} from a schema-valid {@code kind: PullSecret} document, checking
 * names, globs and the label selector. References to registries are checked by {@link SpecLoader}
 * once every document is read.
 */
final class PullSecretReader {

  /** The PullSecret, or empty when {@code out} received problems for it. */
  Optional<PullSecretSpec> read(YamlDocument doc, List<Problem> out) {
    int before = out.size();
    JsonNode spec = doc.root().path("spec");
    String name = doc.at(List.of("metadata", "name")).asString("");
    if (doc.at(List.of("metadata", "name")).isString()) {
      Names.subdomainProblem(name)
          .ifPresent(m -> out.add(RegistryReader.problem(doc, List.of("metadata", "name"), m)));
    }
    if (spec.path("secretName").isString()) {
      Names.subdomainProblem(spec.path("secretName").asString())
          .ifPresent(m -> out.add(RegistryReader.problem(doc, List.of("spec", "secretName"), m)));
    }
    List<String> registries = present(strings(spec.path("registries")));
    NamespaceSelection namespaces = namespaces(doc, out);
    SecretType type =
        SecretType.parse(spec.path("type").asString(SecretType.DOCKER_CONFIG_JSON.kubernetes()))
            .orElse(SecretType.DOCKER_CONFIG_JSON); // the schema reports an unknown type
    Map<String, SecretField> keys = keys(doc, type, out);
    List<Glob> serviceAccounts =
        type.pullsImages() ? serviceAccounts(doc, out) : notPullingImages(doc, type, out);
    Mode mode = "report".equals(spec.path("mode").asString("")) ? Mode.REPORT : Mode.ENFORCE;
    Adopt adopt =
        "ifUnmanaged".equals(spec.path("adopt").asString("never"))
            ? Adopt.IF_UNMANAGED
            : Adopt.NEVER;
    if (out.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new PullSecretSpec(
            name,
            registries,
            namespaces,
            serviceAccounts,
            mode,
            adopt,
            doc.location(List.of("metadata")),
            type,
            keys,
            spec.path("secretName").asString(name)));
  }

  /** An Opaque Secret's keys map; a problem when missing for Opaque or given for another type. */
  private static Map<String, SecretField> keys(
      YamlDocument doc, SecretType type, List<Problem> out) {
    JsonNode node = doc.at(List.of("spec", "keys"));
    if (type == SecretType.OPAQUE && !node.isObject()) {
      out.add(
          RegistryReader.problem(
              doc,
              List.of("spec", "type"),
              "type Opaque needs keys: a map from Secret key to one of "
                  + fieldNames()
                  + " (e.g. {HARBOR_USERNAME: username, HARBOR_PASSWORD: password})"));
    } else if (type != SecretType.OPAQUE && !node.isMissingNode()) {
      out.add(
          RegistryReader.problem(
              doc,
              List.of("spec", "keys"),
              "keys is only for type Opaque; a Secret of type "
                  + type.kubernetes()
                  + " has fixed keys "
                  + type.keys(Map.of()).keySet().stream().sorted().toList()));
    }
    Map<String, SecretField> keys = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      SecretField.parse(e.getValue().asString("")) // the schema reports other values
          .ifPresent(f -> keys.put(e.getKey(), f));
    }
    return type == SecretType.OPAQUE ? keys : Map.of();
  }

  /**
   * The ServiceAccounts of a Secret that is not an image pull secret: none. Naming some, or several
   * registries, is a problem.
   */
  private static List<Glob> notPullingImages(YamlDocument doc, SecretType type, List<Problem> out) {
    JsonNode spec = doc.root().path("spec");
    if (spec.has("serviceAccounts")) {
      out.add(
          RegistryReader.problem(
              doc,
              List.of("spec", "serviceAccounts"),
              "a Secret of type "
                  + type.kubernetes()
                  + " is not an image pull secret: kubelet reads only"
                  + " kubernetes.io/dockerconfigjson (and dockercfg) Secrets from imagePullSecrets;"
                  + " remove serviceAccounts, or use type kubernetes.io/dockerconfigjson"));
    }
    if (spec.path("registries").size() > 1) {
      out.add(
          RegistryReader.problem(
              doc,
              List.of("spec", "registries"),
              "a Secret of type "
                  + type.kubernetes()
                  + " holds one registry's credential; "
                  + spec.path("registries").size()
                  + " registries would be ambiguous: write one PullSecret per registry, or use"
                  + " type kubernetes.io/dockerconfigjson"));
    }
    return List.of();
  }

  private static List<String> fieldNames() {
    return java.util.Arrays.stream(SecretField.values()).map(SecretField::yaml).toList();
  }

  private NamespaceSelection namespaces(YamlDocument doc, List<Problem> out) {
    List<Object> at = List.of("spec", "namespaces");
    JsonNode node = doc.at(at);
    if (node.isObject() && !node.has("names") && !node.has("patterns") && !node.has("selector")) {
      out.add(RegistryReader.problem(doc, at, "give at least one of names, patterns or selector"));
    }
    List<String> names = strings(node.path("names"));
    for (int i = 0; i < names.size(); i++) {
      int index = i;
      Optional.ofNullable(names.get(i))
          .flatMap(Names::labelProblem)
          .ifPresent(
              m ->
                  out.add(
                      RegistryReader.problem(
                          doc,
                          List.of("spec", "namespaces", "names", index),
                          "namespace name " + m)));
    }
    List<Glob> patterns = globs(doc, List.of("spec", "namespaces", "patterns"), out);
    List<Glob> exclude = globs(doc, List.of("spec", "namespaces", "exclude"), out);
    Optional<LabelSelector> selector =
        node.has("selector")
            ? Optional.of(selector(doc, List.of("spec", "namespaces", "selector"), out))
            : Optional.empty();
    return new NamespaceSelection(present(names), patterns, selector, exclude);
  }

  private List<Glob> serviceAccounts(YamlDocument doc, List<Problem> out) {
    if (!doc.root().path("spec").has("serviceAccounts")) {
      return List.of(Glob.parse("default"));
    }
    List<Object> at = List.of("spec", "serviceAccounts");
    List<Glob> globs = globs(doc, at, out);
    for (int i = 0; i < globs.size(); i++) {
      int index = i;
      if (globs.get(i).isLiteral()) {
        Names.subdomainProblem(globs.get(i).text())
            .ifPresent(
                m ->
                    out.add(
                        RegistryReader.problem(
                            doc, append(at, index), "ServiceAccount name " + m)));
      }
    }
    return globs;
  }

  private static List<Glob> globs(YamlDocument doc, List<Object> at, List<Problem> out) {
    List<String> texts = strings(doc.at(at));
    List<Glob> globs = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) == null) {
        continue; // the schema reports it
      }
      try {
        globs.add(Glob.parse(texts.get(i)));
      } catch (IllegalArgumentException e) {
        out.add(RegistryReader.problem(doc, append(at, i), e.getMessage()));
      }
    }
    return globs;
  }

  private static LabelSelector selector(YamlDocument doc, List<Object> at, List<Problem> out) {
    JsonNode node = doc.at(at);
    Map<String, String> labels = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.path("matchLabels").properties()) {
      if (!e.getValue().isString()) {
        continue; // the schema reports it
      }
      List<Object> field = append(append(at, "matchLabels"), e.getKey());
      Names.labelKeyProblem(e.getKey())
          .ifPresent(m -> out.add(RegistryReader.problem(doc, field, m)));
      Names.labelValueProblem(e.getValue().asString())
          .ifPresent(m -> out.add(RegistryReader.problem(doc, field, m)));
      labels.put(e.getKey(), e.getValue().asString());
    }
    List<LabelSelector.Requirement> requirements = new ArrayList<>();
    JsonNode expressions = node.path("matchExpressions");
    for (int i = 0; i < expressions.size(); i++) {
      requirements.add(requirement(doc, append(append(at, "matchExpressions"), i), out));
    }
    return new LabelSelector(labels, requirements);
  }

  private static LabelSelector.Requirement requirement(
      YamlDocument doc, List<Object> at, List<Problem> out) {
    JsonNode node = doc.at(at);
    String key = node.path("key").asString("");
    if (node.path("key").isString()) {
      Names.labelKeyProblem(key)
          .ifPresent(m -> out.add(RegistryReader.problem(doc, append(at, "key"), m)));
    }
    LabelSelector.Operator operator = null;
    for (LabelSelector.Operator op : LabelSelector.Operator.values()) {
      if (op.yaml().equals(node.path("operator").asString(""))) {
        operator = op;
      }
    }
    List<String> values = strings(node.path("values"));
    if (operator == null) {
      return new LabelSelector.Requirement(key, LabelSelector.Operator.IN, present(values));
    }
    boolean needsValues =
        operator == LabelSelector.Operator.IN || operator == LabelSelector.Operator.NOT_IN;
    if (needsValues && values.isEmpty()) {
      out.add(
          RegistryReader.problem(
              doc, append(at, "values"), operator.yaml() + " needs at least one value"));
    } else if (!needsValues && !values.isEmpty()) {
      out.add(
          RegistryReader.problem(doc, append(at, "values"), operator.yaml() + " takes no values"));
    }
    for (int i = 0; i < values.size(); i++) {
      int index = i;
      Optional.ofNullable(values.get(i))
          .flatMap(Names::labelValueProblem)
          .ifPresent(
              m -> out.add(RegistryReader.problem(doc, append(append(at, "values"), index), m)));
    }
    return new LabelSelector.Requirement(key, operator, present(values));
  }

  /** The string items of a list; other items are left for the schema to report. */
  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(n -> values.add(n.isString() ? n.asString() : null));
    }
    return values;
  }

  private static List<String> present(List<String> values) {
    return values.stream().filter(java.util.Objects::nonNull).toList();
  }

  private static List<Object> append(List<Object> path, Object step) {
    List<Object> next = new ArrayList<>(path);
    next.add(step);
    return List.copyOf(next);
  }
}
