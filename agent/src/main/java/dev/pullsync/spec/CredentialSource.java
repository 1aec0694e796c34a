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
  }
}
