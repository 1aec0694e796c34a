package dev.pullsync.desired;

import dev.pullsync.spec.CredentialSource;
import dev.pullsync.spec.PullSecretSpec;
import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.spec.SecretValue;
import dev.pullsync.spec.Spec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A digest of what one PullSecret's Secrets are rendered from, as Git holds it: the Secret's type
 * and keys, and per Registry its server, plain fields and sealed ciphertexts. Equal digests mean
 * equal Secret data (decryption is deterministic); a different digest with the same servers means a
 * value was re-sealed, whose plaintext may or may not differ. Published in the inventory so that a
 * pull request can be planned without the key. Only what the repository already shows in the clear
 * goes in (ciphertexts and plain fields), so the digest reveals nothing Git does not.
 */
public final class SourceDigest {
  /** The prefix of every digest: the scheme, so a later one can be told apart. */
  public static final String PREFIX = "sha256-sources-v1:";

  private SourceDigest() {}

  /** The digest of {@code pullSecret}'s inputs in {@code spec}. */
  public static String of(Spec spec, PullSecretSpec pullSecret) {
    MessageDigest md = sha256();
    put(md, pullSecret.type().kubernetes());
    pullSecret.secretKeys().forEach((key, field) -> put(md, key + "=" + field.yaml()));
    for (String name : pullSecret.registries()) {
      put(md, "registry");
      put(md, name);
      Optional<RegistrySpec> registry = spec.registry(name);
      if (registry.isPresent()) {
        put(md, registry.get().server());
        source(md, registry.get().credential());
      }
    }
    return PREFIX + HexFormat.of().formatHex(md.digest(), 0, 16);
  }

  /** Every PullSecret's digest, by PullSecret name. */
  public static Map<String, String> all(Spec spec) {
    Map<String, String> out = new TreeMap<>();
    spec.pullSecrets().forEach(ps -> out.put(ps.name(), of(spec, ps)));
    return out;
  }

  private static void source(MessageDigest md, CredentialSource source) {
    if (source instanceof CredentialSource.UsernamePassword up) {
      value(md, "username", up.username());
      value(md, "password", up.password());
      put(md, "email=" + up.email().orElse(""));
    } else if (source instanceof CredentialSource.DockerConfigJson d) {
      value(md, "dockerConfigJson", d.value());
    } else if (source instanceof CredentialSource.SealedSecretFile f) {
      put(md, "sealedSecretFile " + f.scope() + " " + f.namespace() + "/" + f.name());
      new TreeMap<>(f.encryptedData()).forEach((k, v) -> value(md, k, v));
    }
  }

  private static void value(MessageDigest md, String field, SecretValue value) {
    if (value instanceof SecretValue.Sealed sealed) {
      put(md, field + " sealed");
      put(md, sealed.ciphertext().replaceAll("\\s", ""));
    } else if (value instanceof SecretValue.Plain plain) {
      put(md, field + " plain");
      put(md, plain.value());
    }
  }

  private static void put(MessageDigest md, String text) {
    byte[] bytes = String.valueOf(text).getBytes(StandardCharsets.UTF_8);
    md.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16)});
    md.update(new byte[] {(byte) (bytes.length >>> 8), (byte) bytes.length});
    md.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
