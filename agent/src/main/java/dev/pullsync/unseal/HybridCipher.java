package dev.pullsync.unseal;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sealed-secrets hybrid encryption, byte for byte as the controller's {@code crypto.HybridEncrypt}
 * and {@code HybridDecrypt}: a 2-byte big-endian length of the RSA block; the RSA block, a fresh
 * 32-byte AES key wrapped with RSA-OAEP (SHA-256, MGF1-SHA-256, the scope's label); then the
 * plaintext under AES-256-GCM with a zero 12-byte nonce (each AES key is used once) and a 16-byte
 * tag. Every failure is an {@link UnsealException}.
 */
public final class HybridCipher {
  private static final int SESSION_KEY_BYTES = 32;
  private static final int GCM_TAG_BITS = 128;
  private static final int GCM_NONCE_BYTES = 12;

  private final SecureRandom random;

  /** A cipher drawing AES keys and OAEP seeds from {@code random}. */
  public HybridCipher(SecureRandom random) {
    this.random = random;
  }

  /** Seals {@code plaintext} for {@code key} (RSA) bound to {@code label}. */
  public byte[] seal(PublicKey key, byte[] plaintext, byte[] label) {
    if (!(key instanceof RSAKey rsa) || rsa.getModulus().bitLength() < 1024) {
      throw new UnsealException(UnsealException.Reason.UNUSABLE_KEY);
    }
    byte[] sessionKey = new byte[SESSION_KEY_BYTES];
    random.nextBytes(sessionKey);
    try {
      Cipher oaep = oaep();
      oaep.init(Cipher.ENCRYPT_MODE, key, oaepSpec(label), random);
      byte[] rsaBlock = oaep.doFinal(sessionKey);
      Cipher gcm = gcm();
      gcm.init(Cipher.ENCRYPT_MODE, aesKey(sessionKey), zeroNonce());
      byte[] aesPart = gcm.doFinal(plaintext);
      byte[] out = new byte[2 + rsaBlock.length + aesPart.length];
      out[0] = (byte) (rsaBlock.length >>> 8);
      out[1] = (byte) rsaBlock.length;
      System.arraycopy(rsaBlock, 0, out, 2, rsaBlock.length);
      System.arraycopy(aesPart, 0, out, 2 + rsaBlock.length, aesPart.length);
      return out;
    } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
      throw new UnsealException(UnsealException.Reason.PROVIDER);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new UnsealException(UnsealException.Reason.UNUSABLE_KEY);
    } finally {
      Arrays.fill(sessionKey, (byte) 0);
    }
  }

  /**
   * Opens {@code sealed} with one key.
   *
   * @throws UnsealException {@code TOO_SHORT} or {@code NO_KEY}
   */
  public static byte[] open(PrivateKey key, byte[] sealed, byte[] label) {
    Parts parts = Parts.of(sealed);
    return unwrap(key, parts.rsaBlock(), label)
        .flatMap(sessionKey -> openPayload(sessionKey, parts.aesPart()))
        .orElseThrow(() -> new UnsealException(UnsealException.Reason.NO_KEY));
  }

  /** The two pieces of a sealed value, split by its length prefix. */
  public record Parts(byte[] rsaBlock, byte[] aesPart) {
    /**
     * Splits {@code sealed} as {@code HybridDecrypt} does.
     *
     * @throws UnsealException {@code TOO_SHORT} when the prefix promises more than is there
     */
    public static Parts of(byte[] sealed) {
      if (sealed.length < 2) {
        throw new UnsealException(UnsealException.Reason.TOO_SHORT);
      }
      int rsaLength = ((sealed[0] & 0xff) << 8) | (sealed[1] & 0xff);
      if (sealed.length < rsaLength + 2) {
        throw new UnsealException(UnsealException.Reason.TOO_SHORT);
      }
      return new Parts(
          Arrays.copyOfRange(sealed, 2, 2 + rsaLength),
          Arrays.copyOfRange(sealed, 2 + rsaLength, sealed.length));
    }

    @Override
    public String toString() {
      return "Parts[rsaBlock=" + rsaBlock.length + " bytes, aesPart=" + aesPart.length + " bytes]";
    }
  }

  /** The AES session key inside {@code rsaBlock}, or empty when {@code key} cannot open it. */
  static Optional<byte[]> unwrap(PrivateKey key, byte[] rsaBlock, byte[] label) {
    try {
      Cipher oaep = oaep();
      oaep.init(Cipher.DECRYPT_MODE, key, oaepSpec(label));
      byte[] sessionKey = oaep.doFinal(rsaBlock);
      return sessionKey.length == SESSION_KEY_BYTES ? Optional.of(sessionKey) : Optional.empty();
    } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
      throw new UnsealException(UnsealException.Reason.PROVIDER);
    } catch (GeneralSecurityException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The plaintext of {@code aesPart}, or empty when the GCM tag does not verify. */
  static Optional<byte[]> openPayload(byte[] sessionKey, byte[] aesPart) {
    try {
      Cipher gcm = gcm();
      gcm.init(Cipher.DECRYPT_MODE, aesKey(sessionKey), zeroNonce());
      return Optional.of(gcm.doFinal(aesPart));
    } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
      throw new UnsealException(UnsealException.Reason.PROVIDER);
    } catch (GeneralSecurityException | RuntimeException e) {
      return Optional.empty();
    } finally {
      Arrays.fill(sessionKey, (byte) 0);
    }
  }

  private static Cipher oaep() throws NoSuchAlgorithmException, NoSuchPaddingException {
    return Cipher.getInstance("RSA/ECB/OAEPPadding");
  }

  private static Cipher gcm() throws NoSuchAlgorithmException, NoSuchPaddingException {
    return Cipher.getInstance("AES/GCM/NoPadding");
  }

  /** Explicit: the JDK's OAEPWithSHA-256AndMGF1Padding would use MGF1-SHA1. */
  private static OAEPParameterSpec oaepSpec(byte[] label) {
    return new OAEPParameterSpec(
        "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, new PSource.PSpecified(label));
  }

  private static SecretKeySpec aesKey(byte[] sessionKey) {
    return new SecretKeySpec(sessionKey, "AES");
  }

  private static GCMParameterSpec zeroNonce() {
    return new GCMParameterSpec(GCM_TAG_BITS, new byte[GCM_NONCE_BYTES]);
  }
}
