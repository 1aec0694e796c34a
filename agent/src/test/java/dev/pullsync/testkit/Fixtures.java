package dev.pullsync.testkit;

import dev.pullsync.spec.Adopt;
import dev.pullsync.spec.CredentialSource;
import dev.pullsync.spec.Glob;
import dev.pullsync.spec.LabelSelector;
import dev.pullsync.spec.Location;
import dev.pullsync.spec.Mode;
import dev.pullsync.spec.NamespaceSelection;
import dev.pullsync.spec.PullSecretSpec;
import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.spec.SecretField;
import dev.pullsync.spec.SecretType;
import dev.pullsync.spec.SecretValue;
import dev.pullsync.spec.Spec;
import dev.pullsync.unseal.Credential;
import dev.pullsync.unseal.Fingerprinter;
import dev.pullsync.unseal.Unsealed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-built specs and unsealed credentials for engine tests: registries with known plaintext, and
 * PullSecrets described fluently. The canary password is what leak tests search for.
 */
public final class Fixtures {
  public static final String CANARY = "Canary-p4ss-7f3e9b1d";
  public static final String HARBOR = "192.168.58.12:30002";
  public static final Fingerprinter FINGERPRINTER =
      new Fingerprinter("0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8));

  private final List<RegistrySpec> registries = new ArrayList<>();
  private final Map<String, Credential> credentials = new HashMap<>();
  private final List<PullSecretSpec> pullSecrets = new ArrayList<>();
  private dev.pullsync.unseal.KeyAge keyAge = dev.pullsync.unseal.KeyAge.NONE;

  public static Fixtures spec() {
    return new Fixtures();
  }

  /** The seed scenario: harbor registry, PullSecret harbor-credentials in user-example-com. */
  public static Fixtures seed() {
    return spec()
        .registry("harbor", HARBOR, "admin", CANARY, "admin@example.com")
        .pullSecret(pullSecret("harbor-credentials", "harbor").names("user-example-com"));
  }

  public Fixtures registry(String name, String server, String user, String password, String email) {
    Location at = new Location("registries.yaml", 1 + registries.size() * 10);
    registries.add(
        new RegistrySpec(
            name,
            server,
            new CredentialSource.UsernamePassword(
                new SecretValue.Plain(user, at),
                new SecretValue.Sealed("AgB-not-used-in-engine-tests", at),
                Optional.ofNullable(email)),
            Optional.empty(),
            at));
    Map<String, byte[]> entries = new HashMap<>();
    entries.put("username", user.getBytes(StandardCharsets.UTF_8));
    entries.put("password", password.getBytes(StandardCharsets.UTF_8));
    if (email != null) {
      entries.put("email", email.getBytes(StandardCharsets.UTF_8));
    }
    credentials.put(name, Credential.of(entries));
    return this;
  }

  /** Marks the registry added last as plain HTTP ({@code insecure: true}). */
  public Fixtures insecure() {
    RegistrySpec r = registries.remove(registries.size() - 1);
    registries.add(
        new RegistrySpec(r.name(), r.server(), r.credential(), r.expires(), true, r.location()));
    return this;
  }

  /** Gives the registry added last images to verify ({@code spec.verify}). */
  public Fixtures verify(String... images) {
    RegistrySpec r = registries.remove(registries.size() - 1);
    registries.add(
        new RegistrySpec(
            r.name(),
            r.server(),
            r.credential(),
            r.expires(),
            r.insecure(),
            r.caBundle(),
            r.location(),
            List.of(images)));
    return this;
  }

  public Fixtures pullSecret(PullSecretBuilder ps) {
    pullSecrets.add(ps.build(pullSecrets.size()));
    return this;
  }

  /** As if the unseal stage had found {@code age} (values sealed with an older key). */
  public Fixtures keyAge(dev.pullsync.unseal.KeyAge age) {
    keyAge = age;
    return this;
  }

  public Spec build() {
    return new Spec(registries, pullSecrets);
  }

  public Unsealed unsealed() {
    return new Unsealed(build(), credentials, FINGERPRINTER, keyAge);
  }

  public static PullSecretBuilder pullSecret(String name, String... registries) {
    return new PullSecretBuilder(name, List.of(registries));
  }

  /** A PullSecret under construction; serviceAccounts default to [default]. */
  public static final class PullSecretBuilder {
    private final String name;
    private final List<String> registries;
    private List<String> names = List.of();
    private List<Glob> patterns = List.of();
    private Optional<LabelSelector> selector = Optional.empty();
    private List<Glob> exclude = List.of();
    private List<Glob> serviceAccounts = List.of(Glob.parse("default"));
    private Mode mode = Mode.ENFORCE;
    private Adopt adopt = Adopt.NEVER;
    private SecretType type = SecretType.DOCKER_CONFIG_JSON;
    private Map<String, SecretField> keys = Map.of();
    private String secretName;

    PullSecretBuilder(String name, List<String> registries) {
      this.name = name;
      this.registries = registries;
    }

    public PullSecretBuilder names(String... n) {
      names = List.of(n);
      return this;
    }

    public PullSecretBuilder patterns(String... globs) {
      patterns = List.of(globs).stream().map(Glob::parse).toList();
      return this;
    }

    public PullSecretBuilder selector(Map<String, String> matchLabels) {
      selector = Optional.of(new LabelSelector(matchLabels, List.of()));
      return this;
    }

    public PullSecretBuilder exclude(String... globs) {
      exclude = List.of(globs).stream().map(Glob::parse).toList();
      return this;
    }

    public PullSecretBuilder serviceAccounts(String... globs) {
      serviceAccounts = List.of(globs).stream().map(Glob::parse).toList();
      return this;
    }

    public PullSecretBuilder mode(Mode m) {
      mode = m;
      return this;
    }

    public PullSecretBuilder adopt(Adopt a) {
      adopt = a;
      return this;
    }

    /** A {@code kubernetes.io/basic-auth} Secret, linked from no ServiceAccount. */
    public PullSecretBuilder basicAuth() {
      type = SecretType.BASIC_AUTH;
      serviceAccounts = List.of();
      return this;
    }

    /** An Opaque Secret with {@code keys} (Secret key to field name), linked from none. */
    public PullSecretBuilder opaque(Map<String, String> opaqueKeys) {
      type = SecretType.OPAQUE;
      Map<String, SecretField> fields = new java.util.TreeMap<>();
      opaqueKeys.forEach((k, f) -> fields.put(k, SecretField.parse(f).orElseThrow()));
      keys = fields;
      serviceAccounts = List.of();
      return this;
    }

    /** The Secret's name, when it differs from the PullSecret's. */
    public PullSecretBuilder secretName(String n) {
      secretName = n;
      return this;
    }

    PullSecretSpec build(int index) {
      return new PullSecretSpec(
          name,
          registries,
          new NamespaceSelection(names, patterns, selector, exclude),
          serviceAccounts,
          mode,
          adopt,
          new Location("pullsecrets.yaml", 1 + index * 20),
          type,
          keys,
          secretName == null ? name : secretName);
    }
  }
}
