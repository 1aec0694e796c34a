package dev.pullsync.unseal;

import dev.pullsync.spec.CredentialSource;
import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.Problem;
import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.spec.SecretValue;
import dev.pullsync.spec.Spec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The unseal stage: every Registry's credential decrypted with the key ring. Inline {@code {sealed:
 * ...}} values are tried, in this order, as namespace-wide to the agent's namespace (recommended),
 * cluster-wide, and strict {@code <agent-namespace>/<registry name>}; a {@code sealedSecretFile}
 * SealedSecret is opened with the label its own metadata and scope annotations give, as the
 * controller does, and only when that scope names the agent's namespace (or is cluster-wide). All
 * failures of a revision are raised at once as one {@link InvalidSpecException}, one problem per
 * value, without plaintext or ciphertext.
 *
 * <p>Keep one instance per key ring for the life of the process: it remembers every (ciphertext,
 * label) it opened, so unsealing an unchanged spec again does no RSA work. Thread-safe.
 */
public final class Unsealer {
  private static final int CACHE_ENTRIES = 4096;

  private final KeyRing ring;
  private final String agentNamespace;
  private final Fingerprinter fingerprinter;
  private final DecryptionCache cache = new DecryptionCache(CACHE_ENTRIES);

  /**
   * @throws IllegalArgumentException when {@code ring} is empty
   */
  public Unsealer(KeyRing ring, String agentNamespace) {
    this(ring, agentNamespace, nonEmpty(ring).fingerprinter());
  }

  /**
   * As above, fingerprinting with {@code fingerprinter} (the agent's salted one, which stays the
   * same whatever keys the ring holds).
   */
  public Unsealer(KeyRing ring, String agentNamespace, Fingerprinter fingerprinter) {
    this.ring = nonEmpty(Objects.requireNonNull(ring, "ring"));
    this.agentNamespace = Objects.requireNonNull(agentNamespace, "agentNamespace");
    this.fingerprinter = Objects.requireNonNull(fingerprinter, "fingerprinter");
  }

  private static KeyRing nonEmpty(KeyRing ring) {
    if (ring.isEmpty()) {
      throw new IllegalArgumentException("no private keys: give --key FILE or --keys-from-cluster");
    }
    return ring;
  }

  /**
   * Decrypts every Registry's credential.
   *
   * @throws InvalidSpecException listing every value that could not be opened
   */
  public Unsealed unseal(Spec spec) {
    Map<String, Credential> credentials = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    List<SealingKey> openers = new ArrayList<>();
    for (RegistrySpec registry : spec.registries()) {
      int before = problems.size();
      Map<String, byte[]> entries = entriesOf(registry, problems, openers);
      if (problems.size() == before) {
        credentials.put(registry.name(), Credential.of(entries));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(problems);
    }
    return new Unsealed(spec, credentials, fingerprinter, KeyAge.of(ring, openers));
  }

  /**
   * True when every problem of {@code e} is a value no key in the ring opened (and nothing else is
   * wrong): with an incomplete ring, such a revision may open once the missing key is loaded.
   */
  public static boolean onlyMissingKeys(InvalidSpecException e) {
    return !e.problems().isEmpty()
        && e.problems().stream()
            .allMatch(p -> p.message().startsWith(UnsealException.Reason.NO_KEY.text()));
  }

  /** RSA decryptions attempted so far (a cache hit does none). */
  public long rsaOperations() {
    return ring.rsaOperations();
  }

  private Map<String, byte[]> entriesOf(
      RegistrySpec registry, List<Problem> problems, List<SealingKey> openers) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    CredentialSource source = registry.credential();
    if (source instanceof CredentialSource.UsernamePassword up) {
      inline(registry, "spec.username", up.username(), problems, openers)
          .ifPresent(v -> entries.put("username", v));
      inline(registry, "spec.password", up.password(), problems, openers)
          .ifPresent(v -> entries.put("password", v));
      up.email().ifPresent(e -> entries.put("email", e.getBytes(StandardCharsets.UTF_8)));
    } else if (source instanceof CredentialSource.DockerConfigJson d) {
      inline(registry, "spec.dockerConfigJson", d.value(), problems, openers)
          .ifPresent(v -> entries.put(".dockerconfigjson", v));
    } else if (source instanceof CredentialSource.SealedSecretFile f) {
      entries.putAll(sealedFile(f, problems, openers));
    }
    return entries;
  }

  private Optional<byte[]> inline(
      RegistrySpec registry,
      String field,
      SecretValue value,
      List<Problem> problems,
      List<SealingKey> openers) {
    if (value instanceof SecretValue.Plain plain) {
      return Optional.of(plain.value().getBytes(StandardCharsets.UTF_8));
    }
    SecretValue.Sealed sealed = (SecretValue.Sealed) value;
    List<Scope> order = List.of(Scope.NAMESPACE_WIDE, Scope.CLUSTER_WIDE, Scope.STRICT);
    try {
      byte[] bytes = SealedText.decode(sealed.ciphertext());
      for (Scope scope : order) {
        Optional<KeyRing.Opened> plain =
            open(bytes, scope.labelText(agentNamespace, registry.name()));
        if (plain.isPresent()) {
          openers.add(plain.get().key());
          return Optional.of(plain.get().plaintext());
        }
      }
      problems.add(
          new Problem(
              sealed.location(),
              field,
              UnsealException.Reason.NO_KEY.text()
                  + " for scopes "
                  + Scope.NAMESPACE_WIDE.describe(agentNamespace, registry.name())
                  + ", cluster-wide or "
                  + Scope.STRICT.describe(agentNamespace, registry.name())));
    } catch (UnsealException e) {
      problems.add(new Problem(sealed.location(), field, e.reason().text()));
    }
    return Optional.empty();
  }

  private Map<String, byte[]> sealedFile(
      CredentialSource.SealedSecretFile file, List<Problem> problems, List<SealingKey> openers) {
    Map<String, byte[]> opened = new LinkedHashMap<>();
    Optional<String> refusal = file.refusal(agentNamespace);
    if (refusal.isPresent()) {
      problems.add(new Problem(file.location(), "metadata.namespace", refusal.get()));
      return opened;
    }
    Scope scope = Scope.parse(file.scope());
    String namespace = file.namespace() == null ? "" : file.namespace();
    String name = file.name() == null ? "" : file.name();
    for (Map.Entry<String, SecretValue.Sealed> e : file.encryptedData().entrySet()) {
      if (!SealedSecretKeys.USED.contains(e.getKey())) {
        continue;
      }
      String field = SealedSecretManifest.field(e.getKey());
      SecretValue.Sealed sealed = e.getValue();
      try {
        byte[] bytes = SealedText.decode(sealed.ciphertext());
        Optional<KeyRing.Opened> plain = open(bytes, scope.labelText(namespace, name));
        if (plain.isPresent()) {
          openers.add(plain.get().key());
          opened.put(e.getKey(), plain.get().plaintext());
        } else {
          problems.add(
              new Problem(
                  sealed.location(),
                  field,
                  UnsealException.Reason.NO_KEY.text()
                      + " for scope "
                      + scope.describe(namespace, name)));
        }
      } catch (UnsealException ex) {
        problems.add(new Problem(sealed.location(), field, ex.reason().text()));
      }
    }
    SealedSecretKeys.check(file, problems);
    return SealedSecretKeys.credentialEntries(opened);
  }

  /** Throws {@code TOO_SHORT} before the cache, so that failure keeps its own words. */
  private Optional<KeyRing.Opened> open(byte[] sealed, String label) {
    HybridCipher.Parts.of(sealed);
    return cache.get(
        sealed,
        label,
        () -> {
          try {
            return Optional.of(ring.openWithKey(sealed, label.getBytes(StandardCharsets.UTF_8)));
          } catch (UnsealException e) {
            return Optional.empty();
          }
        });
  }

  @Override
  public String toString() {
    return "Unsealer[" + agentNamespace + ", " + ring.keys().size() + " keys]";
  }
}
