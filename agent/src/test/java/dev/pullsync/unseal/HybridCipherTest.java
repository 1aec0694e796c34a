package dev.pullsync.unseal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sealing and opening: round trips, the wire format, and every way a value fails to open. */
class HybridCipherTest {
  private static final HybridCipher CIPHER = new HybridCipher(new SecureRandom());
  private static final KeyRing RING_A = TestKeys.ringA();

  static PublicKey publicA() throws Exception {
    return PemObjects.parse(Files.readString(TestKeys.keyA("tls.crt")))
        .certificates()
        .get(0)
        .getPublicKey();
  }

  static List<byte[]> payloads() {
    byte[] binary = new byte[4096];
    new java.util.Random(7).nextBytes(binary);
    return List.of(
        new byte[0],
        "Harbor12345".getBytes(StandardCharsets.UTF_8),
        "pässwörd-密码-🔑".getBytes(StandardCharsets.UTF_8),
        binary,
        new byte[] {0, 0, 0, (byte) 0xff});
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void roundTripsEveryScopeWithBinaryEmptyAndUtf8Values(Scope scope) throws Exception {
    byte[] label = scope.label("user-example-com", "harbor-credentials");
    for (byte[] plain : payloads()) {
      byte[] sealed = CIPHER.seal(publicA(), plain, label);
      assertThat(RING_A.open(sealed, label)).isEqualTo(plain);
      String text = SealedText.encode(sealed);
      assertThat(RING_A.open(SealedText.decode(text), label)).isEqualTo(plain);
    }
  }

  @Test
  void wireFormatIsPrefixRsaBlockThenGcm() throws Exception {
    byte[] plain = "Harbor12345".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = CIPHER.seal(publicA(), plain, new byte[0]);
    assertThat(sealed[0]).isEqualTo((byte) 0x02); // 512-byte RSA block for a 4096-bit key
    assertThat(sealed[1]).isEqualTo((byte) 0x00);
    assertThat(sealed).hasSize(2 + 512 + plain.length + 16);
  }

  @Test
  void aValueSealedHereOpensWithAnIndependentJcaDecryptor() throws Exception {
    PrivateKey keyA = RING_A.keys().get(0).privateKey();
    byte[] plain = "robot$kubeflow-iris+puller".getBytes(StandardCharsets.UTF_8);
    for (Scope scope : Scope.values()) {
      byte[] label = scope.label("pullsync", "harbor");
      byte[] sealed = CIPHER.seal(publicA(), plain, label);
      assertThat(independentlyDecrypt(keyA, sealed, label)).isEqualTo(plain);
    }
  }

  /** Written from the format description only, with the JCA: no pullsync code involved. */
  static byte[] independentlyDecrypt(PrivateKey key, byte[] sealed, byte[] label) throws Exception {
    int rsaLength = ((sealed[0] & 0xff) << 8) | (sealed[1] & 0xff);
    byte[] rsaBlock = Arrays.copyOfRange(sealed, 2, 2 + rsaLength);
    byte[] aesPart = Arrays.copyOfRange(sealed, 2 + rsaLength, sealed.length);
    Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
    rsa.init(
        Cipher.DECRYPT_MODE,
        key,
        new OAEPParameterSpec(
            "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, new PSource.PSpecified(label)));
    byte[] aesKey = rsa.doFinal(rsaBlock);
    assertThat(aesKey).hasSize(32);
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(
        Cipher.DECRYPT_MODE,
        new SecretKeySpec(aesKey, "AES"),
        new GCMParameterSpec(128, new byte[12]));
    return gcm.doFinal(aesPart);
  }

  @Test
  void theInjectedRandomSourceDecidesTheOutput() throws Exception {
    byte[] label = "pullsync".getBytes(StandardCharsets.UTF_8);
    byte[] plain = {1, 2, 3};
    byte[] first = new HybridCipher(seeded(42)).seal(publicA(), plain, label);
    byte[] second = new HybridCipher(seeded(42)).seal(publicA(), plain, label);
    byte[] third = new HybridCipher(seeded(43)).seal(publicA(), plain, label);
    assertThat(first).isEqualTo(second).isNotEqualTo(third);
  }

  static SecureRandom seeded(long seed) throws Exception {
    SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
    r.setSeed(seed);
    return r;
  }

  @Test
  void theWrongScopeDoesNotOpen() throws Exception {
    byte[] sealed =
        CIPHER.seal(publicA(), new byte[] {1}, Scope.NAMESPACE_WIDE.label("pullsync", "x"));
    for (byte[] wrong :
        List.of(
            Scope.CLUSTER_WIDE.label("pullsync", "x"),
            Scope.STRICT.label("pullsync", "x"),
            Scope.NAMESPACE_WIDE.label("other", "x"))) {
      assertThatThrownBy(() -> RING_A.open(sealed, wrong))
          .isInstanceOf(UnsealException.class)
          .extracting(e -> ((UnsealException) e).reason())
          .isEqualTo(UnsealException.Reason.NO_KEY);
    }
  }

  @Test
  void everyTruncationFails() throws Exception {
    byte[] sealed =
        CIPHER.seal(publicA(), "Harbor12345".getBytes(StandardCharsets.UTF_8), new byte[0]);
    for (int n = 0; n < sealed.length; n++) {
      byte[] cut = Arrays.copyOf(sealed, n);
      assertThatThrownBy(() -> RING_A.open(cut, new byte[0]))
          .as("truncated to %d bytes", n)
          .isInstanceOf(UnsealException.class);
    }
  }

  @Test
  void aFlippedByteAnywhereFails() throws Exception {
    byte[] sealed =
        CIPHER.seal(publicA(), "Harbor12345".getBytes(StandardCharsets.UTF_8), new byte[0]);
    for (int i : new int[] {0, 1, 2, 100, 513, 514, 520, sealed.length - 16, sealed.length - 1}) {
      byte[] bad = sealed.clone();
      bad[i] ^= 0x01;
      assertThatThrownBy(() -> RING_A.open(bad, new byte[0]))
          .as("byte %d flipped", i)
          .isInstanceOf(UnsealException.class);
    }
  }

  @Test
  void aKeyOutsideTheRingDoesNotOpen() {
    KeyPair other = TestKeys.spare();
    byte[] sealed = CIPHER.seal(other.getPublic(), new byte[] {9}, new byte[0]);
    assertThatThrownBy(() -> RING_A.open(sealed, new byte[0]))
        .isInstanceOf(UnsealException.class)
        .hasMessage("no key could decrypt this value");
    assertThat(KeyRing.of(other.getPrivate()).open(sealed, new byte[0])).containsExactly(9);
  }

  @Test
  void refusesToSealForANonRsaOrTinyKey() throws Exception {
    java.security.KeyPairGenerator ec = java.security.KeyPairGenerator.getInstance("EC");
    ec.initialize(256);
    PublicKey ecKey = ec.generateKeyPair().getPublic();
    assertThatThrownBy(() -> CIPHER.seal(ecKey, new byte[1], new byte[0]))
        .isInstanceOf(UnsealException.class)
        .extracting(e -> ((UnsealException) e).reason())
        .isEqualTo(UnsealException.Reason.UNUSABLE_KEY);
  }
}
