package dev.pullsync.unseal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * One RSA private key of the ring, its public half, when its certificate became valid (the
 * controller's key order: newest first) and where it came from (a file or a Secret). {@link
 * #toString} names the origin and public-key digest only: the JDK's own key {@code toString} prints
 * the private exponent.
 */
public record SealingKey(
    PrivateKey privateKey, PublicKey publicKey, Optional<Instant> notBefore, String origin) {
  public SealingKey {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(origin, "origin");
  }

  /** SHA-256 of the DER SubjectPublicKeyInfo: a public, stable identity of the key. */
  public byte[] publicKeySha256() {
    return sha256(publicKey);
  }

  /** The short id ({@link #shortId}) of any public key, e.g. a certificate's. */
  public static String shortId(java.security.PublicKey key) {
    return HexFormat.of().formatHex(sha256(key), 0, 8);
  }

  private static byte[] sha256(java.security.PublicKey key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /** The first 16 hex digits of {@link #publicKeySha256}, for messages and file names. */
  public String shortId() {
    return HexFormat.of().formatHex(publicKeySha256(), 0, 8);
  }

  @Override
  public String toString() {
    return "SealingKey[" + origin + ", sha256:" + shortId() + "]";
  }
}
