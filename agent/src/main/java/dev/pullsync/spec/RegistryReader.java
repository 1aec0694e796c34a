package dev.pullsync.spec;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Builds a {@link RegistrySpec} from a schema-valid {@code kind: Registry} document, checking what
 * the schema cannot say well: the name, the server, exactly one credential form, ciphertext shape,
 * the expiry date and the referenced SealedSecret file.
 */
final class RegistryReader {
  private static final String FORMS = "username and password, dockerConfigJson or sealedSecretFile";

  private final SealedSecretFileReader sealedFiles;
  private final CaBundleReader caBundles;

  RegistryReader(SealedSecretFileReader sealedFiles, CaBundleReader caBundles) {
    this.sealedFiles = sealedFiles;
    this.caBundles = caBundles;
  }

  /** The registry, or empty when {@code out} received problems for it. */
  Optional<RegistrySpec> read(YamlDocument doc, List<Problem> out) {
    int before = out.size();
    String name = doc.at(List.of("metadata", "name")).asString("");
    if (doc.at(List.of("metadata", "name")).isString()) {
      Names.labelProblem(name)
          .ifPresent(m -> out.add(problem(doc, List.of("metadata", "name"), "registry name " + m)));
    }
    String server = doc.at(List.of("spec", "server")).asString("");
    if (doc.at(List.of("spec", "server")).isString()) {
      ServerAddress.problem(server)
          .ifPresent(m -> out.add(problem(doc, List.of("spec", "server"), m)));
    }
    Optional<LocalDate> expires = expires(doc, out);
    CredentialSource credential = credential(doc, out);
    Optional<CaBundle> caBundle = caBundles.read(doc, out);
    if (out.size() > before || credential == null) {
      return Optional.empty();
    }
    return Optional.of(
        new RegistrySpec(
            name,
            server,
            credential,
            expires,
            doc.at(List.of("spec", "insecure")).asBoolean(false),
            caBundle,
            doc.location(List.of("metadata")),
            verify(doc)));
  }

  /** The images to verify; the schema checks each is {@code repository:tag}. */
  private static List<String> verify(YamlDocument doc) {
    List<String> images = new java.util.ArrayList<>();
    doc.at(List.of("spec", "verify")).forEach(n -> images.add(n.asString("")));
    return images;
  }

  private CredentialSource credential(YamlDocument doc, List<Problem> out) {
    JsonNode spec = doc.root().path("spec");
    if (!spec.isObject()) {
      return null;
    }
    boolean userPass = spec.has("username") || spec.has("password") || spec.has("email");
    int forms =
        (userPass ? 1 : 0)
            + (spec.has("dockerConfigJson") ? 1 : 0)
            + (spec.has("sealedSecretFile") ? 1 : 0);
    if (forms == 0) {
      out.add(problem(doc, List.of("spec"), "give a credential: " + FORMS));
      return null;
    }
    if (forms > 1) {
      out.add(problem(doc, List.of("spec"), "give only one credential form: " + FORMS));
      return null;
    }
    if (spec.has("dockerConfigJson")) {
      return sealed(doc, List.of("spec", "dockerConfigJson"), out)
          .map(CredentialSource.DockerConfigJson::new)
          .orElse(null);
    }
    if (spec.has("sealedSecretFile")) {
      List<Object> at = List.of("spec", "sealedSecretFile");
      if (!spec.path("sealedSecretFile").isString()) {
        return null;
      }
      return sealedFiles
          .read(spec.path("sealedSecretFile").asString(), doc.location(at), out)
          .orElse(null);
    }
    return usernamePassword(doc, spec, out);
  }

  private CredentialSource usernamePassword(YamlDocument doc, JsonNode spec, List<Problem> out) {
    for (String field : List.of("username", "password")) {
      if (!spec.has(field)) {
        out.add(new Problem(doc.location(List.of("spec")), "spec." + field, "is required"));
      }
    }
    if (!spec.has("username") || !spec.has("password")) {
      return null;
    }
    Optional<? extends SecretValue> username = username(doc, out);
    Optional<SecretValue.Sealed> password = sealed(doc, List.of("spec", "password"), out);
    Optional<String> email =
        spec.path("email").isString()
            ? Optional.of(spec.path("email").asString())
            : Optional.empty(); // the schema reports a wrong type
    if (username.isEmpty() || password.isEmpty()) {
      return null;
    }
    return new CredentialSource.UsernamePassword(username.get(), password.get(), email);
  }

  private Optional<? extends SecretValue> username(YamlDocument doc, List<Problem> out) {
    List<Object> at = List.of("spec", "username");
    JsonNode node = doc.at(at);
    if (node.isString() && !node.asString().isEmpty()) {
      return Optional.of(new SecretValue.Plain(node.asString(), doc.location(at)));
    }
    if (node.isObject() && node.size() == 1 && node.path("sealed").isString()) {
      return sealed(doc, at, out);
    }
    out.add(problem(doc, at, "must be a non-empty string or {sealed: <ciphertext>}"));
    return Optional.empty();
  }

  /** Reads {@code {sealed: ...}} at {@code at}, checking the ciphertext's shape. */
  static Optional<SecretValue.Sealed> sealed(YamlDocument doc, List<Object> at, List<Problem> out) {
    List<Object> field = new ArrayList<>(at);
    field.add("sealed");
    if (!doc.at(field).isString()) {
      return Optional.empty(); // the schema reports it
    }
    String text = doc.at(field).asString();
    Optional<String> wrong = Ciphertext.problem(text).or(() -> Ciphertext.emptyProblem(text));
    wrong.ifPresent(m -> out.add(problem(doc, field, m)));
    return wrong.isPresent()
        ? Optional.empty()
        : Optional.of(new SecretValue.Sealed(text, doc.location(field)));
  }

  private static Optional<LocalDate> expires(YamlDocument doc, List<Problem> out) {
    List<Object> at = List.of("spec", "expires");
    if (!doc.at(at).isString()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(doc.at(at).asString()));
    } catch (DateTimeParseException e) {
      out.add(problem(doc, at, "must be a date written YYYY-MM-DD, such as 2027-01-31"));
      return Optional.empty();
    }
  }

  static Problem problem(YamlDocument doc, List<Object> at, String message) {
    return new Problem(doc.location(at), YamlDocument.fieldPath(at), message);
  }
}
