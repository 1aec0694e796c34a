package dev.pullsync.desired;

import dev.pullsync.spec.CredentialSource;
import dev.pullsync.spec.Glob;
import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.Mode;
import dev.pullsync.spec.Problem;
import dev.pullsync.spec.PullSecretSpec;
import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.unseal.Credential;
import dev.pullsync.unseal.Unsealed;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders what one revision asks of the cluster (pure). Each PullSecret's {@code .dockerconfigjson}
 * and keyed fingerprint are computed once per revision (remembered for the last {@link Unsealed}
 * rendered) and shared by every namespace it targets and every later render of that revision, such
 * as the namespace events'.
 */
public final class Renderer {
  private final NamespaceResolver resolver = new NamespaceResolver();
  private final Instance instance;
  private Unsealed lastUnsealed;
  private Map<String, Payload> lastPayloads;

  /** One PullSecret's rendered data, shared by all its namespaces. */
  private record Payload(Credential data, List<String> servers, String fingerprint) {}

  /** A renderer whose Secrets carry {@code instance}'s ownership label. */
  public Renderer(Instance instance) {
    this.instance = java.util.Objects.requireNonNull(instance, "instance");
  }

  /**
   * Checks that every PullSecret's credentials form a {@code .dockerconfigjson}, rendering no
   * namespace.
   *
   * @throws InvalidSpecException when one cannot (a stalled failure)
   */
  public static void checkPayloads(Unsealed unsealed) {
    payloads(unsealed);
  }

  /** Renders the whole cluster. */
  public Desired render(Unsealed unsealed, Inventory inventory, String revision) {
    return render(unsealed, inventory, revision, Optional.empty());
  }

  /**
   * Renders only the namespaces in {@code scope} when given (namespace events).
   *
   * @throws InvalidSpecException when a registry's unsealed credential cannot form a {@code
   *     .dockerconfigjson} (a stalled failure: the revision applies nothing)
   */
  public Desired render(
      Unsealed unsealed, Inventory inventory, String revision, Optional<Set<String>> scope) {
    Map<String, Payload> payloads = payloadsOf(unsealed);
    List<DesiredSecret> secrets = new ArrayList<>();
    List<DesiredLink> links = new ArrayList<>();
    List<Notice> notices = new ArrayList<>();
    Map<Ref, String> writers = new java.util.HashMap<>();
    for (PullSecretSpec ps : unsealed.spec().pullSecrets()) {
      NamespaceResolver.Resolution res = resolver.resolve(ps.name(), ps.namespaces(), inventory);
      for (String ns : res.targets()) {
        String first = writers.putIfAbsent(new Ref(ns, ps.secretName()), ps.name());
        boolean inScope = scope.map(s -> s.contains(ns)).orElse(true);
        if (first != null && inScope) {
          notices.add(new Notice(ps.name(), ns, sameSecret(ps, first)));
        } else if (first == null && inScope) {
          secrets.add(secret(ps, ns, payloads.get(ps.name()), revision, instance));
          links.addAll(links(ps, ns, inventory.serviceAccountsIn(ns)));
        }
      }
      res.notices().stream()
          .filter(n -> scope.map(s -> s.contains(n.namespace())).orElse(true))
          .forEach(notices::add);
    }
    Map<String, Mode> modes = new TreeMap<>();
    unsealed.spec().pullSecrets().forEach(ps -> modes.put(ps.name(), ps.mode()));
    Set<String> terminating = new java.util.TreeSet<>();
    inventory.namespaces().stream()
        .filter(Inventory.Namespace::terminating)
        .forEach(ns -> terminating.add(ns.name()));
    return new Desired(revision, secrets, links, notices, modes, terminating, scope);
  }

  private static String sameSecret(PullSecretSpec ps, String first) {
    return "Secret "
        + ps.secretName()
        + " here is already written by PullSecret "
        + first
        + "; this PullSecret leaves it alone (give one of them another spec.secretName or"
        + " disjoint namespaces)";
  }

  private static DesiredSecret secret(
      PullSecretSpec ps, String namespace, Payload payload, String revision, Instance instance) {
    Map<String, String> labels =
        Map.of(
            Ownership.MANAGED_BY_LABEL,
            Ownership.MANAGED_BY_VALUE,
            Ownership.INSTANCE_LABEL,
            instance.name(),
            Ownership.PULL_SECRET_LABEL,
            ps.name());
    Map<String, String> annotations =
        Map.of(
            Ownership.SOURCE_REVISION,
            revision,
            Ownership.FINGERPRINT,
            payload.fingerprint(),
            Ownership.MADE_FOR,
            namespace);
    return new DesiredSecret(
        new Ref(namespace, ps.secretName()),
        ps.name(),
        payload.data(),
        payload.servers(),
        labels,
        annotations,
        ps.mode(),
        ps.adopt(),
        ps.type().kubernetes());
  }

  private static List<DesiredLink> links(PullSecretSpec ps, String namespace, Set<String> present) {
    Set<String> matched = new LinkedHashSet<>();
    List<DesiredLink> out = new ArrayList<>();
    for (Glob glob : ps.serviceAccounts()) {
      if (glob.isLiteral() && !present.contains(glob.text())) {
        if (matched.add(glob.text())) {
          out.add(link(ps, namespace, glob.text(), ps.mode(), false));
        }
        continue;
      }
      for (String sa : present) {
        if (glob.matches(sa) && matched.add(sa)) {
          out.add(link(ps, namespace, sa, ps.mode(), true));
        }
      }
    }
    return out;
  }

  private static DesiredLink link(
      PullSecretSpec ps, String namespace, String sa, Mode mode, boolean present) {
    return new DesiredLink(new Ref(namespace, sa), ps.name(), ps.secretName(), mode, present);
  }

  private synchronized Map<String, Payload> payloadsOf(Unsealed unsealed) {
    if (unsealed != lastUnsealed) {
      lastPayloads = payloads(unsealed);
      lastUnsealed = unsealed;
    }
    return lastPayloads;
  }

  private static Map<String, Payload> payloads(Unsealed unsealed) {
    Map<String, Payload> out = new TreeMap<>();
    List<Problem> problems = new ArrayList<>();
    for (PullSecretSpec ps : unsealed.spec().pullSecrets()) {
      DockerConfig config = new DockerConfig();
      List<String> servers = new ArrayList<>();
      for (String name : ps.registries()) {
        Optional<RegistrySpec> registry = unsealed.spec().registry(name);
        Credential cred = unsealed.credentials().get(name);
        if (registry.isEmpty() || cred == null) {
          problems.add(new Problem(ps.location(), "spec.registries", "unknown registry " + name));
          continue;
        }
        try {
          servers.addAll(add(config, registry.get(), cred));
        } catch (IllegalArgumentException e) {
          problems.add(
              new Problem(registry.get().location(), field(registry.get()), e.getMessage()));
        }
      }
      Credential data =
          ps.type().pullsImages()
              ? Credential.of(Map.of(Ownership.DOCKER_CONFIG_KEY, config.toJson()))
              : fields(ps, unsealed, problems);
      out.put(ps.name(), new Payload(data, servers, unsealed.fingerprints().fingerprint(data)));
    }
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(problems);
    }
    return out;
  }

  /** A basic-auth or Opaque Secret's data: its keys filled from its one registry's fields. */
  private static Credential fields(PullSecretSpec ps, Unsealed unsealed, List<Problem> problems) {
    Map<String, byte[]> data = new TreeMap<>();
    String name = ps.registries().get(0);
    Optional<RegistrySpec> registry = unsealed.spec().registry(name);
    Credential cred = unsealed.credentials().get(name);
    if (registry.isPresent() && cred != null) {
      try {
        CredentialFields fields = CredentialFields.of(registry.get(), cred);
        ps.secretKeys().forEach((key, field) -> data.put(key, fields.get(field)));
      } catch (IllegalArgumentException e) {
        problems.add(
            new Problem(
                registry.get().location(),
                field(registry.get()),
                e.getMessage()
                    + " (PullSecret "
                    + ps.name()
                    + ", type "
                    + ps.type().kubernetes()
                    + ")"));
      }
    }
    return Credential.of(data);
  }

  private static List<String> add(DockerConfig config, RegistrySpec registry, Credential cred) {
    if (cred.has(Ownership.DOCKER_CONFIG_KEY)) {
      byte[] json = cred.bytes(Ownership.DOCKER_CONFIG_KEY);
      config.merge(json);
      return List.copyOf(DockerConfig.entries(json).keySet());
    }
    if (!cred.has("username") || !cred.has("password")) {
      throw new IllegalArgumentException(
          "unsealed credential holds neither username and password nor .dockerconfigjson");
    }
    config.add(
        registry.server(), cred.string("username"), cred.string("password"), cred.string("email"));
    return List.of(registry.server());
  }

  private static String field(RegistrySpec registry) {
    CredentialSource source = registry.credential();
    if (source instanceof CredentialSource.DockerConfigJson) {
      return "spec.dockerConfigJson";
    }
    return source instanceof CredentialSource.SealedSecretFile
        ? "spec.sealedSecretFile"
        : "spec.password";
  }
}
