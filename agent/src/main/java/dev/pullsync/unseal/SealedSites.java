package dev.pullsync.unseal;

import dev.pullsync.spec.CredentialSource;
import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.spec.SecretValue;
import dev.pullsync.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every sealed value of a spec with the scopes it may be sealed for, in the order the agent tries
 * them: inline values namespace-wide to the agent's namespace, cluster-wide, then strict {@code
 * <agent-namespace>/<registry>}; a {@code sealedSecretFile} value only with the scope its manifest
 * declares (whatever namespace that names: re-sealing keeps it).
 */
final class SealedSites {
  private SealedSites() {}

  /** One sealed value: where it is, the field it fills, and its candidate scopes. */
  record Site(SecretValue.Sealed value, String field, List<Label> labels) {}

  /** A scope and the OAEP label it gives. */
  record Label(Scope scope, String namespace, String name) {
    byte[] bytes() {
      return scope.label(namespace, name);
    }

    String describe() {
      return scope.describe(namespace, name);
    }
  }

  static List<Site> of(Spec spec, String agentNamespace) {
    List<Site> out = new ArrayList<>();
    for (RegistrySpec registry : spec.registries()) {
      List<Label> inline =
          List.of(
              new Label(Scope.NAMESPACE_WIDE, agentNamespace, registry.name()),
              new Label(Scope.CLUSTER_WIDE, agentNamespace, registry.name()),
              new Label(Scope.STRICT, agentNamespace, registry.name()));
      CredentialSource source = registry.credential();
      if (source instanceof CredentialSource.UsernamePassword up) {
        if (up.username() instanceof SecretValue.Sealed s) {
          out.add(new Site(s, "spec.username", inline));
        }
        if (up.password() instanceof SecretValue.Sealed s) {
          out.add(new Site(s, "spec.password", inline));
        }
      } else if (source instanceof CredentialSource.DockerConfigJson d) {
        out.add(new Site(d.value(), "spec.dockerConfigJson", inline));
      } else if (source instanceof CredentialSource.SealedSecretFile f) {
        Label label =
            new Label(
                Scope.parse(f.scope()),
                f.namespace() == null ? "" : f.namespace(),
                f.name() == null ? "" : f.name());
        for (Map.Entry<String, SecretValue.Sealed> e :
            new TreeMap<>(f.encryptedData()).entrySet()) {
          out.add(new Site(e.getValue(), SealedSecretManifest.field(e.getKey()), List.of(label)));
        }
      }
    }
    return out;
  }
}
