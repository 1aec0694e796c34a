package dev.pullsync.unseal;

import dev.pullsync.spec.CredentialSource;
import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.spec.SecretValue;
import dev.pullsync.spec.Spec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The unseal stage without a key, for planning a pull request offline: every sealed value stands in
 * as {@code sealed:<digest of its ciphertext>} and plain values are themselves, so two renders of
 * the same ciphertexts are equal and a re-sealed value is not. A whole sealed {@code
 * .dockerconfigjson} stands in as a config with one entry for the Registry's declared server. The
 * stand-ins are never credentials and never leave the process; fingerprints are keyed with a fixed
 * local key and are comparable only with each other.
 */
public final class StandInUnsealer {
  private static final byte[] LOCAL_SALT =
      "pullsync offline plan: stand-in fingerprints".getBytes(StandardCharsets.UTF_8);

  private final Fingerprinter fingerprinter = localFingerprints();

  /**
   * The fingerprinter of offline plans, keyed with a fixed local key: its prints are compared only
   * with each other within one plan, never published.
   */
  public static Fingerprinter localFingerprints() {
    return Fingerprinter.salted(LOCAL_SALT::clone);
  }

  /** Stand-in credentials for every Registry of {@code spec}. */
  public Unsealed unseal(Spec spec) {
    Map<String, Credential> credentials = new LinkedHashMap<>();
    for (RegistrySpec registry : spec.registries()) {
      credentials.put(registry.name(), Credential.of(entries(registry)));
    }
    return new Unsealed(spec, credentials, fingerprinter);
  }

  private static Map<String, byte[]> entries(RegistrySpec registry) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    CredentialSource source = registry.credential();
    if (source instanceof CredentialSource.UsernamePassword up) {
      entries.put("username", standIn(up.username()));
      entries.put("password", standIn(up.password()));
      up.email().ifPresent(e -> entries.put("email", e.getBytes(StandardCharsets.UTF_8)));
    } else if (source instanceof CredentialSource.DockerConfigJson d) {
      entries.put(".dockerconfigjson", config(registry.server(), standIn(d.value())));
    } else if (source instanceof CredentialSource.SealedSecretFile f) {
      if (f.encryptedData().containsKey(".dockerconfigjson")) {
        entries.put(
            ".dockerconfigjson",
            config(registry.server(), standIn(f.encryptedData().get(".dockerconfigjson"))));
      } else {
        for (String k : new String[] {"username", "password", "email"}) {
          SecretValue.Sealed v = f.encryptedData().get(k);
          if (v != null) {
            entries.put(k, standIn(v));
          }
        }
      }
    }
    return entries;
  }

  private static byte[] standIn(SecretValue value) {
    if (value instanceof SecretValue.Plain plain) {
      return plain.value().getBytes(StandardCharsets.UTF_8);
    }
    String ciphertext = ((SecretValue.Sealed) value).ciphertext().replaceAll("\\s", "");
    return ("sealed:" + digest(ciphertext)).getBytes(StandardCharsets.UTF_8);
  }

  /** A one-entry docker config whose password is the stand-in. */
  private static byte[] config(String server, byte[] standIn) {
    String token = new String(standIn, StandardCharsets.UTF_8);
    String auth =
        Base64.getEncoder().encodeToString(("sealed:" + token).getBytes(StandardCharsets.UTF_8));
    String json =
        "{\"auths\":{\""
            + server.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\":{\"username\":\"sealed\",\"password\":\""
            + token
            + "\",\"auth\":\""
            + auth
            + "\"}}}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static String digest(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
