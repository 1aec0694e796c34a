package dev.pullsync.unseal;

import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.IoWords;
import dev.pullsync.spec.Location;
import dev.pullsync.spec.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The private keys that may open a sealed value. A ciphertext names no key, so {@link #open} tries
 * each, newest certificate first (keys without a certificate after those with one, in load order),
 * as the controller does after key renewal. Immutable; counts its RSA operations for tests and
 * benchmarks.
 *
 * <p>Build one with {@link #load} (files: PEM, key Secret manifest or key backup List), {@link
 * #fromSecrets} (already-read key Secrets, e.g. from the cluster) or {@link #of}; combine with
 * {@link #plus}.
 */
public final class KeyRing {
  /** Fixed info string the fingerprint key is derived from; changing it changes every print. */
  static final String FINGERPRINT_INFO = "pullsync fingerprint key v1";

  private static final Comparator<SealingKey> NEWEST_FIRST =
      Comparator.comparing(
          (SealingKey k) -> k.notBefore().orElse(Instant.MIN), Comparator.reverseOrder());

  private final List<SealingKey> keys;
  private final AtomicLong rsaOperations = new AtomicLong();

  private KeyRing(List<SealingKey> keys) {
    List<SealingKey> sorted = new ArrayList<>(keys);
    sorted.sort(NEWEST_FIRST); // stable: equal dates keep load order
    this.keys = List.copyOf(sorted);
  }

  /** A ring of exactly these keys. */
  public static KeyRing of(List<SealingKey> keys) {
    return new KeyRing(keys);
  }

  /** A ring of bare private keys (no certificates, so load order is kept). */
  public static KeyRing of(PrivateKey... keys) {
    List<SealingKey> list = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      list.add(
          new SealingKey(
              keys[i], PemObjects.publicKeyOf(keys[i]), Optional.empty(), "key #" + (i + 1)));
    }
    return new KeyRing(list);
  }

  /**
   * Loads every key in {@code files}: PEM ({@code RSA PRIVATE KEY} or {@code PRIVATE KEY}, with an
   * optional {@code CERTIFICATE} giving its date), a sealed-secrets key Secret, or a key backup
   * List, told apart by content.
   *
   * @throws InvalidSpecException with one problem per unusable file, naming it
   */
  public static KeyRing load(List<Path> files) {
    List<SealingKey> keys = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path file : files) {
      try {
        keys.addAll(loadFile(file));
      } catch (ManifestTree.Unreadable e) {
        problems.add(new Problem(new Location(file.toString(), e.line), "", e.getMessage()));
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(new Location(file.toString(), 1), "", e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(problems);
    }
    return new KeyRing(keys);
  }

  /**
   * A ring of the keys in already-read key Secrets.
   *
   * @throws InvalidSpecException naming each Secret whose data holds no usable key
   */
  public static KeyRing fromSecrets(List<KeySecret> secrets) {
    List<SealingKey> keys = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (KeySecret s : secrets) {
      try {
        keys.add(keyOf(s, true));
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(new Location(s.origin(), 1), "", e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(problems);
    }
    return new KeyRing(keys);
  }

  /** This ring and {@code other}'s keys together, re-ordered newest first. */
  public KeyRing plus(KeyRing other) {
    List<SealingKey> all = new ArrayList<>(keys);
    all.addAll(other.keys);
    return new KeyRing(all);
  }

  /** The keys, newest first. */
  public List<SealingKey> keys() {
    return keys;
  }

  public boolean isEmpty() {
    return keys.isEmpty();
  }

  /**
   * Opens a sealed value with the first key that can, bound to {@code label}.
   *
   * @throws UnsealException {@code TOO_SHORT}, or {@code NO_KEY} when no key opens it
   */
  public byte[] open(byte[] sealed, byte[] label) {
    return openWithKey(sealed, label).plaintext();
  }

  /**
   * As {@link #open}, also naming the key that opened the value (for key-age notices and {@code
   * reseal}).
   *
   * @throws UnsealException {@code TOO_SHORT}, or {@code NO_KEY} when no key opens it
   */
  public Opened openWithKey(byte[] sealed, byte[] label) {
    HybridCipher.Parts parts = HybridCipher.Parts.of(sealed);
    for (SealingKey key : keys) {
      rsaOperations.incrementAndGet();
      Optional<byte[]> plaintext =
          HybridCipher.unwrap(key.privateKey(), parts.rsaBlock(), label)
              .flatMap(sessionKey -> HybridCipher.openPayload(sessionKey, parts.aesPart()));
      if (plaintext.isPresent()) {
        return new Opened(plaintext.get(), key);
      }
    }
    throw new UnsealException(UnsealException.Reason.NO_KEY);
  }

  /**
   * The newest key of the ring when keys carry dates (certificates, as the controller's do); empty
   * when none does, since then no key is known to be newer than another.
   */
  public Optional<SealingKey> newest() {
    return keys.isEmpty() || keys.get(0).notBefore().isEmpty()
        ? Optional.empty()
        : Optional.of(keys.get(0));
  }

  /** A decrypted value and the key that opened it. Callers must not print the plaintext. */
  public record Opened(byte[] plaintext, SealingKey key) {
    @Override
    public String toString() {
      return "Opened[" + key + "]";
    }
  }

  /** How many RSA decryptions this ring has attempted. */
  public long rsaOperations() {
    return rsaOperations.get();
  }

  /**
   * Keyed fingerprints for this ring. The HMAC key is HMAC-SHA256, keyed with the PKCS#8 encoding
   * of the private key whose public key has the smallest SHA-256, over {@value #FINGERPRINT_INFO}.
   * Choosing by public-key digest (not by position) makes it the same whatever order the keys were
   * loaded in, and the same on every replica holding the same keys; it changes only when that key
   * leaves the ring.
   *
   * @throws IllegalStateException when the ring is empty
   */
  public Fingerprinter fingerprinter() {
    SealingKey chosen =
        keys.stream()
            .min(Comparator.comparing(SealingKey::publicKeySha256, Arrays::compareUnsigned))
            .orElseThrow(() -> new IllegalStateException("the key ring is empty"));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(chosen.privateKey().getEncoded(), "HmacSHA256"));
      return new Fingerprinter(mac.doFinal(FINGERPRINT_INFO.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "KeyRing" + keys;
  }

  private static List<SealingKey> loadFile(Path file) {
    String text;
    try {
      if (Files.size(file) > dev.pullsync.spec.YamlLimits.MAX_CHARS) {
        throw new IllegalArgumentException("the key file is larger than the 1 MiB limit");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot read the key file (" + IoWords.file(e) + ")");
    }
    if (text.contains("-----BEGIN ")) {
      return List.of(keyOf(new KeySecret(file.toString(), utf8(text), new byte[0]), false));
    }
    List<SealingKey> keys = new ArrayList<>();
    for (KeySecret s : KeyDocuments.parse(text)) {
      KeySecret located = new KeySecret(file + ": " + s.origin(), s.tlsKey(), s.tlsCrt());
      try {
        keys.add(keyOf(located, true));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(s.origin() + ": " + e.getMessage());
      }
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(
          "no active sealed-secrets key found (expected a PEM private key, a kubernetes.io/tls"
              + " key Secret or a List of them)");
    }
    return keys;
  }

  private static SealingKey keyOf(KeySecret secret, boolean fromSecret) {
    String keyField = fromSecret ? "data.tls.key: " : "";
    PemObjects pem = pemOf(secret.tlsKey(), keyField);
    if (pem.privateKeys().size() != 1) {
      throw new IllegalArgumentException(
          keyField
              + "expected exactly one PEM private key (RSA PRIVATE KEY or PRIVATE KEY), found "
              + pem.privateKeys().size());
    }
    PrivateKey key = pem.privateKeys().get(0);
    PublicKey publicKey = PemObjects.publicKeyOf(key);
    List<X509Certificate> certs = new ArrayList<>(pem.certificates());
    if (secret.tlsCrt().length > 0) {
      certs.addAll(pemOf(secret.tlsCrt(), "data.tls.crt: ").certificates());
    }
    for (X509Certificate cert : certs) {
      if (!cert.getPublicKey().equals(publicKey)) {
        throw new IllegalArgumentException(
            (fromSecret ? "data.tls.crt: " : "") + "the certificate is not for this private key");
      }
    }
    Optional<Instant> notBefore = certs.stream().findFirst().map(c -> c.getNotBefore().toInstant());
    return new SealingKey(key, publicKey, notBefore, secret.origin());
  }

  private static PemObjects pemOf(byte[] pem, String field) {
    try {
      return PemObjects.parse(new String(pem, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + e.getMessage());
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
