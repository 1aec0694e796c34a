package dev.pullsync.desired;

import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.spec.SecretField;
import dev.pullsync.unseal.Credential;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * One registry's credential as the fixed set of {@link SecretField}s a basic-auth or Opaque Secret
 * may carry. A credential given as a whole {@code .dockerconfigjson} must hold exactly one server;
 * its username and password come from the entry (or its {@code auth}). Pure; never prints a value.
 */
final class CredentialFields {
  private final Map<SecretField, byte[]> fields = new EnumMap<>(SecretField.class);

  private CredentialFields() {}

  /**
   * The fields of {@code cred} for {@code registry}.
   *
   * @throws IllegalArgumentException with a message that quotes no value
   */
  static CredentialFields of(RegistrySpec registry, Credential cred) {
    CredentialFields out = new CredentialFields();
    if (cred.has(Ownership.DOCKER_CONFIG_KEY)) {
      byte[] json = cred.bytes(Ownership.DOCKER_CONFIG_KEY);
      SortedMap<String, Map<String, String>> auths = DockerConfig.auths(json);
      if (auths.size() != 1) {
        throw new IllegalArgumentException(
            "a .dockerconfigjson with "
                + auths.size()
                + " servers cannot fill a Secret that holds one registry's fields");
      }
      String server = auths.firstKey();
      Map<String, String> entry = auths.get(server);
      String[] pair = userAndPassword(entry);
      out.put(server, pair[0], pair[1], entry.getOrDefault("email", ""));
      out.fields.put(SecretField.DOCKER_CONFIG_JSON, new DockerConfig().merge(json).toJson());
      return out;
    }
    if (!cred.has("username") || !cred.has("password")) {
      throw new IllegalArgumentException(
          "unsealed credential holds neither username and password nor .dockerconfigjson");
    }
    String email = cred.has("email") ? cred.string("email") : "";
    out.put(registry.server(), cred.string("username"), cred.string("password"), email);
    out.fields.put(
        SecretField.DOCKER_CONFIG_JSON,
        new DockerConfig()
            .add(registry.server(), cred.string("username"), cred.string("password"), email)
            .toJson());
    return out;
  }

  /** The bytes of {@code field} (empty when the credential has none, e.g. no email). */
  byte[] get(SecretField field) {
    return fields.getOrDefault(field, new byte[0]).clone();
  }

  private void put(String server, String username, String password, String email) {
    fields.put(SecretField.SERVER, utf8(server));
    fields.put(SecretField.USERNAME, utf8(username));
    fields.put(SecretField.PASSWORD, utf8(password));
    fields.put(SecretField.EMAIL, utf8(email));
    fields.put(
        SecretField.AUTH,
        utf8(Base64.getEncoder().encodeToString(utf8(username + ":" + password))));
  }

  private static String[] userAndPassword(Map<String, String> entry) {
    if (entry.containsKey("username") && entry.containsKey("password")) {
      return new String[] {entry.get("username"), entry.get("password")};
    }
    String auth = entry.get("auth");
    if (auth != null) {
      try {
        String pair = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon > 0) {
          return new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
        }
      } catch (IllegalArgumentException e) {
        // fall through to the one message below, which quotes nothing
      }
    }
    throw new IllegalArgumentException(
        ".dockerconfigjson entry has neither username and password nor a valid auth");
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
