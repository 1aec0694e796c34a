package dev.pullsync.spec;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** How a Registry gives its credential: exactly one of three forms. */
public sealed interface CredentialSource {

  /** {@code username}, {@code password} and optional {@code email} fields. */
  record UsernamePassword(SecretValue username, SecretValue password, Optional<String> email)
      implements CredentialSource {
    public UsernamePassword {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(email, "email");
    }
  }

  /** {@code dockerConfigJson: {sealed: ...}}: a whole sealed {@code .dockerconfigjson}. */
  record DockerConfigJson(SecretValue.Sealed value) implements CredentialSource {
    public DockerConfigJson {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * {@code sealedSecretFile: path}: a bitnami.com/v1alpha1 SealedSecret in the repository, read by
   * the spec stage so that unsealing does no I/O. {@code scope} is {@code strict}, {@code
   * namespace-wide} or {@code cluster-wide}, from the manifest's annotations exactly as the
   * controller reads them; {@code encryptedData} maps keys to ciphertexts (each located in the
   * manifest file).
   */
  record SealedSecretFile(
      String path,
      String namespace,
      String name,
      String scope,
      Map<String, SecretValue.Sealed> encryptedData,
      Location location)
      implements CredentialSource {
    public SealedSecretFile {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(scope, "scope");
      encryptedData = Map.copyOf(encryptedData);
      Objects.requireNonNull(location, "location");
    }

    /**
     * Why an agent running in {@code agentNamespace} must not open this file, or empty when it may.
     * The agent opens only what the sealed-secrets controller itself would unseal in the agent's
     * own namespace: cluster-wide, or namespace-wide / strict for {@code agentNamespace}. A value
     * sealed for another team's namespace stays theirs, even when copied into this repository.
     */
    public Optional<String> refusal(String agentNamespace) {
      if ("cluster-wide".equals(scope)) {
        return Optional.empty();
      }
      String ns = namespace == null ? "" : namespace;
      if (ns.equals(agentNamespace)) {
        return Optional.empty();
      }
      String fix =
          "re-seal it for the agent's namespace (metadata.namespace: "
              + agentNamespace
              + "; kubeseal --namespace "
              + agentNamespace
              + " --scope namespace-wide), or seal it cluster-wide";
      if (ns.isEmpty()) {
        return Optional.of(
            "a " + scope + " SealedSecret without metadata.namespace is not opened: " + fix);
      }
      return Optional.of(
          "sealed "
              + scope
              + " for namespace \""
              + ns
              + "\", not the agent's namespace \""
              + agentNamespace
              + "\"; the agent opens only what the sealed-secrets controller would open in its"
              + " own namespace: "
              + fix);
    }
  }
}
