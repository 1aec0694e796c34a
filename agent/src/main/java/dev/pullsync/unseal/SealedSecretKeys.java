package dev.pullsync.unseal;

import dev.pullsync.spec.CredentialSource;
import dev.pullsync.spec.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which keys of a {@code sealedSecretFile} SealedSecret make a registry credential: {@code
 * .dockerconfigjson} (a {@code kubernetes.io/dockerconfigjson} Secret), or {@code username} and
 * {@code password} with an optional {@code email} (e.g. {@code kubernetes.io/basic-auth}). Other
 * keys are not decrypted.
 */
final class SealedSecretKeys {
  static final String DOCKER_CONFIG_JSON = ".dockerconfigjson";
  static final Set<String> USED = Set.of(DOCKER_CONFIG_JSON, "username", "password", "email");

  private SealedSecretKeys() {}

  /** Adds a problem when the SealedSecret holds neither form. */
  static void check(CredentialSource.SealedSecretFile file, List<Problem> problems) {
    Set<String> keys = file.encryptedData().keySet();
    if (!keys.contains(DOCKER_CONFIG_JSON)
        && !(keys.contains("username") && keys.contains("password"))) {
      problems.add(
          new Problem(
              file.location(),
              "spec.encryptedData",
              "a registry's SealedSecret must hold .dockerconfigjson, or username and password"));
    }
  }

  /** The credential entries among the opened values: the whole config wins when present. */
  static Map<String, byte[]> credentialEntries(Map<String, byte[]> opened) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    if (opened.containsKey(DOCKER_CONFIG_JSON)) {
      out.put(DOCKER_CONFIG_JSON, opened.get(DOCKER_CONFIG_JSON));
      return out;
    }
    for (String k : List.of("username", "password", "email")) {
      if (opened.containsKey(k)) {
        out.put(k, opened.get(k));
      }
    }
    return out;
  }
}
