package dev.pullsync.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The spec stage: reads every {@code *.yaml} / {@code *.yml} under a directory (multi-document
 * files too), validates each document against the JSON Schema of its kind, checks names,
 * references, globs, selectors, servers and ciphertext shapes, and returns the {@link Spec} — or
 * throws one {@link InvalidSpecException} carrying every problem, sorted by file and line.
 *
 * <p>Documents with {@code apiVersion: bitnami.com/v1alpha1} are SealedSecrets that Registries
 * reference through {@code sealedSecretFile}; the scan skips them. Thread-safe; reuse one instance.
 */
public final class SpecLoader {
  /** The apiVersion of both spec kinds. */
  public static final String API_VERSION = "pullsync.dev/v1alpha1";

  private static final Comparator<Problem> ORDER =
      Comparator.comparing((Problem p) -> p.location().file())
          .thenComparingInt(p -> p.location().line())
          .thenComparing(Problem::field)
          .thenComparing(Problem::message);

  /** The agent's namespace when none is configured. */
  public static final String DEFAULT_AGENT_NAMESPACE = "pullsync";

  private final YamlReader yaml = new YamlReader();
  private final String agentNamespace;
  private final Clock clock;
  private final SchemaValidator registrySchema = SchemaValidator.forSchema("registry.schema.json");
  private final SchemaValidator pullSecretSchema =
      SchemaValidator.forSchema("pullsecret.schema.json");

  /** A loader for an agent in the default namespace {@value #DEFAULT_AGENT_NAMESPACE}. */
  public SpecLoader() {
    this(DEFAULT_AGENT_NAMESPACE);
  }

  /**
   * A loader for an agent running in {@code agentNamespace}: a {@code sealedSecretFile} sealed for
   * any other namespace is a problem of the revision.
   */
  public SpecLoader(String agentNamespace) {
    this(agentNamespace, Clock.systemUTC());
  }

  /** As above; {@code clock} tells whether a {@code caBundle} certificate has expired. */
  public SpecLoader(String agentNamespace, Clock clock) {
    this.agentNamespace = Objects.requireNonNull(agentNamespace, "agentNamespace");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Loads the spec under {@code root}.
   *
   * @throws InvalidSpecException with every problem found (never a partial result)
   */
  public Spec load(Path root) {
    List<Problem> problems = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      throw new InvalidSpecException(
          List.of(new Problem(new Location(root.toString(), 1), "", "not a directory")));
    }
    Path realRoot;
    SpecFiles.Found found;
    try {
      realRoot = root.toRealPath();
      found = SpecFiles.under(realRoot);
    } catch (IOException e) {
      throw new InvalidSpecException(
          List.of(new Problem(new Location(root.toString(), 1), "", "cannot read this directory")));
    }
    problems.addAll(found.problems());
    List<YamlDocument> registryDocs = new ArrayList<>();
    List<YamlDocument> pullSecretDocs = new ArrayList<>();
    for (SpecFiles.SpecFile file : found.files()) {
      YamlReader.Result result = yaml.read(file.path(), file.name());
      problems.addAll(result.problems());
      for (YamlDocument doc : result.documents()) {
        sort(doc, registryDocs, pullSecretDocs, problems);
      }
    }
    RegistryReader registryReader =
        new RegistryReader(
            new SealedSecretFileReader(realRoot, yaml, agentNamespace),
            new CaBundleReader(realRoot, clock));
    List<RegistrySpec> registries = new ArrayList<>();
    for (YamlDocument doc : registryDocs) {
      boolean clean = registrySchema.validate(doc, problems);
      read(() -> registryReader.read(doc, problems), clean)
          .filter(r -> clean)
          .ifPresent(registries::add);
    }
    PullSecretReader pullSecretReader = new PullSecretReader();
    List<PullSecretSpec> pullSecrets = new ArrayList<>();
    for (YamlDocument doc : pullSecretDocs) {
      boolean clean = pullSecretSchema.validate(doc, problems);
      read(() -> pullSecretReader.read(doc, problems), clean)
          .filter(p -> clean)
          .ifPresent(pullSecrets::add);
    }
    duplicates("Registry", registryDocs, problems);
    duplicates("PullSecret", pullSecretDocs, problems);
    references(registryDocs, pullSecretDocs, problems);
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(sorted(problems));
    }
    return new Spec(registries, pullSecrets);
  }

  /**
   * Readers are written for schema-valid documents and check what the schema cannot; on a document
   * the schema already rejected, a reader tripping over a wrong type adds nothing the schema's
   * problems do not already say. On a schema-valid document any exception is a bug and propagates.
   */
  private static <T> Optional<T> read(Supplier<Optional<T>> reader, boolean clean) {
    try {
      return reader.get();
    } catch (RuntimeException e) {
      if (clean) {
        throw e;
      }
      return Optional.empty();
    }
  }

  /**
   * The text of every file {@link #load} reads under {@code root}, keyed by its path relative to
   * the root (forward slashes): what a stored revision keeps so it can be loaded again later.
   *
   * @throws InvalidSpecException when the directory or a file cannot be read
   */
  public static Map<String, String> sources(Path root) {
    try {
      Map<String, String> files = new java.util.TreeMap<>();
      for (SpecFiles.SpecFile file : SpecFiles.under(root.toRealPath()).files()) {
        files.put(file.name(), Files.readString(file.path()));
      }
      return files;
    } catch (IOException e) {
      throw new InvalidSpecException(
          List.of(new Problem(new Location(root.toString(), 1), "", "cannot read this directory")));
    }
  }

  private static void sort(
      YamlDocument doc,
      List<YamlDocument> registries,
      List<YamlDocument> pullSecrets,
      List<Problem> problems) {
    JsonNode root = doc.root();
    if (!root.isObject()) {
      problems.add(
          new Problem(
              doc.location(List.of()),
              "",
              "not a spec document: expected a mapping with apiVersion and kind, found "
                  + SchemaValidator.kindOf(root)));
      return;
    }
    String apiVersion = root.path("apiVersion").asString("");
    String kind = root.path("kind").asString("");
    if (SealedSecretFileReader.API_VERSION.equals(apiVersion)) {
      return;
    }
    if (!API_VERSION.equals(apiVersion)) {
      problems.add(
          new Problem(
              doc.location(List.of("apiVersion")),
              "apiVersion",
              root.has("apiVersion")
                  ? "unknown apiVersion \"" + apiVersion + "\" (expected " + API_VERSION + ")"
                  : "is required (" + API_VERSION + ")"));
    } else if (kind.equals("Registry")) {
      registries.add(doc);
    } else if (kind.equals("PullSecret")) {
      pullSecrets.add(doc);
    } else {
      problems.add(
          new Problem(
              doc.location(List.of("kind")),
              "kind",
              root.has("kind")
                  ? "unknown kind \"" + kind + "\" (expected Registry or PullSecret)"
                  : "is required (Registry or PullSecret)"));
    }
  }

  private static void duplicates(String kind, List<YamlDocument> docs, List<Problem> problems) {
    Map<String, Location> first = new HashMap<>();
    for (YamlDocument doc : docs) {
      JsonNode name = doc.at(List.of("metadata", "name"));
      if (!name.isString()) {
        continue;
      }
      Location here = doc.location(List.of("metadata", "name"));
      Location earlier = first.putIfAbsent(name.asString(), here);
      if (earlier != null) {
        String what =
            kind.equals("PullSecret")
                ? "PullSecret \"" + name.asString() + "\" (the Secret's name) is also defined at "
                : "Registry \"" + name.asString() + "\" is also defined at ";
        problems.add(new Problem(here, "metadata.name", what + earlier));
      }
    }
  }

  private static void references(
      List<YamlDocument> registryDocs, List<YamlDocument> pullSecretDocs, List<Problem> problems) {
    Set<String> known = new LinkedHashSet<>();
    registryDocs.forEach(d -> known.add(d.at(List.of("metadata", "name")).asString("")));
    for (YamlDocument doc : pullSecretDocs) {
      JsonNode refs = doc.at(List.of("spec", "registries"));
      for (int i = 0; i < refs.size(); i++) {
        if (refs.path(i).isString() && !known.contains(refs.path(i).asString())) {
          List<Object> at = List.of("spec", "registries", i);
          problems.add(
              RegistryReader.problem(
                  doc, at, "no Registry named \"" + refs.path(i).asString() + "\" in the spec"));
        }
      }
    }
  }

  private static List<Problem> sorted(List<Problem> problems) {
    return new ArrayList<>(new LinkedHashSet<>(problems)).stream().sorted(ORDER).toList();
  }
}
