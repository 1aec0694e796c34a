package dev.pullsync.spec;

import java.util.List;
import java.util.Objects;

/**
 * A {@code kind: PullSecret} document: the Secret named {@code name} carrying the auths of {@code
 * registries}, put in every selected namespace and linked from the matching ServiceAccounts ({@code
 * serviceAccounts} are names or globs; "*" means every one).
 */
public record PullSecretSpec(
    String name,
    List<String> registries,
    NamespaceSelection namespaces,
    List<Glob> serviceAccounts,
    Mode mode,
    Adopt adopt,
    Location location) {
  public PullSecretSpec {
    Objects.requireNonNull(name, "name");
    registries = List.copyOf(registries);
    Objects.requireNonNull(namespaces, "namespaces");
    serviceAccounts = List.copyOf(serviceAccounts);
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(adopt, "adopt");
    Objects.requireNonNull(location, "location");
  }
}
