package dev.pullsync.unseal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed fingerprints of credential data: HMAC-SHA256 with a key that only the holder of the private
 * keys can derive, so a fingerprint in an annotation or report tells whether two values are equal
 * without letting anyone test guesses against it.
 */
public final class Fingerprinter {
  private final byte[] key;

  public Fingerprinter(byte[] key) {
    if (key.length < 16) {
      throw new IllegalArgumentException("fingerprint key too short");
    }
    this.key = key.clone();
  }

  /** {@code hmac-sha256:<first 32 hex digits>} over the credential's entries. */
  public String fingerprint(Credential credential) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      for (String k : credential.keys()) {
        byte[] name = k.getBytes(StandardCharsets.UTF_8);
        byte[] value = credential.bytes(k);
        mac.update(intBytes(name.length));
        mac.update(name);
        mac.update(intBytes(value.length));
        mac.update(value);
      }
      return "hmac-sha256:" + HexFormat.of().formatHex(mac.doFinal(), 0, 16);
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
    return "Fingerprinter[hmac-sha256]";
  }

  private static byte[] intBytes(int n) {
    return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
  }
}
