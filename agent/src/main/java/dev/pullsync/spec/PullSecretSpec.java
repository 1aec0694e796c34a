package dev.pullsync.spec;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A {@code kind: PullSecret} document: the Secret named {@code name} carrying the auths of {@code
 * registries}, put in every selected namespace and linked from the matching ServiceAccounts ({@code
 * serviceAccounts} are names or globs; "*" means every one). {@code type} is the Secret's
 * Kubernetes type; {@code keys} maps an Opaque Secret's keys to credential fields (empty for the
 * other types, whose keys are fixed: see {@link SecretType#keys}). {@code secretName} is the
 * Secret's name in the namespaces ({@code spec.secretName}, by default {@code name}), so two
 * PullSecrets can write same-name Secrets of different types to different namespaces.
 */
public record PullSecretSpec(
    String name,
    List<String> registries,
    NamespaceSelection namespaces,
    List<Glob> serviceAccounts,
    Mode mode,
    Adopt adopt,
    Location location,
    SecretType type,
    Map<String, SecretField> keys,
    String secretName) {
  public PullSecretSpec {
    Objects.requireNonNull(name, "name");
    registries = List.copyOf(registries);
    Objects.requireNonNull(namespaces, "namespaces");
    serviceAccounts = List.copyOf(serviceAccounts);
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(adopt, "adopt");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(type, "type");
    keys = Collections.unmodifiableMap(new TreeMap<>(keys));
    Objects.requireNonNull(secretName, "secretName");
  }

  /** A {@code kubernetes.io/dockerconfigjson} PullSecret (the default type). */
  public PullSecretSpec(
      String name,
      List<String> registries,
      NamespaceSelection namespaces,
      List<Glob> serviceAccounts,
      Mode mode,
      Adopt adopt,
      Location location) {
    this(
        name,
        registries,
        namespaces,
        serviceAccounts,
        mode,
        adopt,
        location,
        SecretType.DOCKER_CONFIG_JSON,
        Map.of(),
        name);
  }

  /** The Secret keys this PullSecret writes and the credential field each holds. */
  public Map<String, SecretField> secretKeys() {
    return type.keys(keys);
  }
}
