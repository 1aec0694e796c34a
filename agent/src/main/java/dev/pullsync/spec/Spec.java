package dev.pullsync.spec;

import java.util.List;
import java.util.Optional;

/** One valid revision of the spec: every Registry and PullSecret, in file order. */
public record Spec(List<RegistrySpec> registries, List<PullSecretSpec> pullSecrets) {
  public Spec {
    registries = List.copyOf(registries);
    pullSecrets = List.copyOf(pullSecrets);
  }

  public Optional<RegistrySpec> registry(String name) {
    return registries.stream().filter(r -> r.name().equals(name)).findFirst();
  }
}
