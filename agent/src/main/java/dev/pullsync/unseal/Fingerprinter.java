package dev.pullsync.unseal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed fingerprints of credential data: HMAC-SHA256 with a secret key, so a fingerprint in an
 * annotation or report tells whether two values are equal without letting anyone test guesses
 * against it.
 *
 * <p>Two schemes, told apart by their prefix. {@code hmac-sha256-v2:} (current) is keyed from a
 * random per-instance salt kept in the instance's state Secret ({@link #salted}), so it does not
 * change when keys are added to, renewed in or removed from the ring. {@code hmac-sha256:} (v1,
 * written by earlier versions) was keyed from one private key of the ring; the planner does not
 * rewrite a Secret only because it still carries a v1 print ({@link #isLegacy}).
 */
public final class Fingerprinter {
  /** The prefix of current fingerprints. */
  public static final String PREFIX = "hmac-sha256-v2:";

  static final String LEGACY_PREFIX = "hmac-sha256:";
  static final String SALTED_INFO = "pullsync fingerprint key v2";

  private final Supplier<byte[]> key;
  private final String prefix;
  private volatile byte[] resolved;

  /** A v1 fingerprinter keyed with {@code key} (see {@link KeyRing#fingerprinter()}). */
  public Fingerprinter(byte[] key) {
    this(checked(key.clone()), LEGACY_PREFIX);
  }

  private Fingerprinter(byte[] key, String prefix) {
    this.key = () -> key;
    this.prefix = prefix;
    this.resolved = key;
  }

  private Fingerprinter(Supplier<byte[]> key, String prefix) {
    this.key = key;
    this.prefix = prefix;
  }

  /**
   * A current fingerprinter whose key is derived from a salt obtained on first use (the instance
   * state is read then; a failure propagates and the next use tries again).
   */
  public static Fingerprinter salted(Supplier<byte[]> salt) {
    Objects.requireNonNull(salt, "salt");
    return new Fingerprinter(() -> derive(checked(salt.get())), PREFIX);
  }

  /** True for a fingerprint of the v1 scheme, written by earlier versions. */
  public static boolean isLegacy(String fingerprint) {
    return fingerprint != null && fingerprint.startsWith(LEGACY_PREFIX);
  }

  /** {@code <prefix><first 32 hex digits>} over the credential's entries. */
  public String fingerprint(Credential credential) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      for (String k : credential.keys()) {
        byte[] name = k.getBytes(StandardCharsets.UTF_8);
        byte[] value = credential.bytes(k);
        mac.update(intBytes(name.length));
        mac.update(name);
        mac.update(intBytes(value.length));
        mac.update(value);
      }
      return prefix + HexFormat.of().formatHex(mac.doFinal(), 0, 16);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** Convenience for a single-entry credential. */
  public String fingerprint(String key, byte[] value) {
    return fingerprint(Credential.of(Map.of(key, value)));
  }

  @Override
  public String toString() {
    return "Fingerprinter[" + prefix + "]";
  }

  private byte[] key() {
    byte[] k = resolved;
    if (k == null) {
      synchronized (this) {
        if (resolved == null) {
          resolved = key.get();
        }
        k = resolved;
      }
    }
    return k;
  }

  private static byte[] checked(byte[] key) {
    if (key.length < 16) {
      throw new IllegalArgumentException("fingerprint key too short");
    }
    return key;
  }

  private static byte[] derive(byte[] salt) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      return mac.doFinal(SALTED_INFO.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static byte[] intBytes(int n) {
    return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
  }
}
