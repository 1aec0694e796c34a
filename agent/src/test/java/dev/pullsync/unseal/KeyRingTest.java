package dev.pullsync.unseal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullsync.spec.InvalidSpecException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading keys in every format, rotation order, and clear errors for bad key files. */
class KeyRingTest {
  private static final HybridCipher CIPHER = new HybridCipher(new SecureRandom());
  private static final byte[] LABEL = "pullsync".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  static SealingKeyGenerator.Generated generated(String instant) {
    Clock at = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    return new SealingKeyGenerator(at, new SecureRandom()).generate(2048);
  }

  @Test
  void pkcs1AndPkcs8AndTheKeySecretAreTheSameKey() {
    SealingKey pkcs1 = TestKeys.ringA().keys().get(0);
    SealingKey pkcs8 = KeyRing.load(List.of(TestKeys.keyA("tls.pkcs8.key"))).keys().get(0);
    SealingKey secret = KeyRing.load(List.of(TestKeys.keyA("secret.yaml"))).keys().get(0);
    assertThat(pkcs8.publicKey()).isEqualTo(pkcs1.publicKey());
    assertThat(secret.publicKey()).isEqualTo(pkcs1.publicKey());
    assertThat(secret.notBefore()).contains(Instant.parse("2026-11-26T19:47:22Z"));
    assertThat(secret.origin()).endsWith("secret kube-system/sealed-secrets-key7xq2m");
  }

  @Test
  void readsAKeyBackupListInYamlAndJson() throws Exception {
    String secret = Files.readString(TestKeys.keyA("secret.yaml"));
    String list =
        "apiVersion: v1\nkind: List\nitems:\n- "
            + secret.replace("\n", "\n  ").replaceFirst("^---\\s*", "");
    Path yaml = Files.writeString(dir.resolve("backup.yaml"), list);
    assertThat(KeyRing.load(List.of(yaml)).keys()).hasSize(1);
    Path json = dir.resolve("backup.json");
    Files.writeString(json, toJsonList(secret));
    assertThat(KeyRing.load(List.of(json)).keys()).hasSize(1);
  }

  private static String toJsonList(String secretYaml) {
    String key = field(secretYaml, "tls.key");
    String crt = field(secretYaml, "tls.crt");
    return "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{\"apiVersion\":\"v1\","
        + "\"kind\":\"Secret\",\"type\":\"kubernetes.io/tls\",\"metadata\":{\"name\":\"k1\","
        + "\"namespace\":\"kube-system\",\"labels\":{\"sealedsecrets.bitnami.com/"
        + "sealed-secrets-key\":\"active\"}},\"data\":{\"tls.key\":\""
        + key
        + "\",\"tls.crt\":\""
        + crt
        + "\"}}]}";
  }

  private static String field(String yaml, String name) {
    return yaml.lines()
        .filter(l -> l.trim().startsWith(name + ":"))
        .findFirst()
        .orElseThrow()
        .split(":\\s*", 2)[1]
        .trim();
  }

  @Test
  void eitherOfTwoKeysOpensAndTheNewestIsTriedFirst() {
    SealingKeyGenerator.Generated old = generated("2024-01-01T00:00:00Z");
    SealingKeyGenerator.Generated renewed = generated("2025-01-01T00:00:00Z");
    KeyRing ring = KeyRing.of(List.of(old.sealingKey("old"), renewed.sealingKey("new")));
    assertThat(ring.keys()).extracting(SealingKey::origin).containsExactly("new", "old");

    byte[] forNew = CIPHER.seal(renewed.keyPair().getPublic(), new byte[] {1}, LABEL);
    long before = ring.rsaOperations();
    assertThat(ring.open(forNew, LABEL)).containsExactly(1);
    assertThat(ring.rsaOperations() - before).isEqualTo(1);

    byte[] forOld = CIPHER.seal(old.keyPair().getPublic(), new byte[] {2}, LABEL);
    before = ring.rsaOperations();
    assertThat(ring.open(forOld, LABEL)).containsExactly(2);
    assertThat(ring.rsaOperations() - before).isEqualTo(2);
  }

  @Test
  void plusMergesAndReordersNewestFirst() {
    SealingKeyGenerator.Generated renewed = generated("2030-01-01T00:00:00Z");
    KeyRing merged = TestKeys.ringA().plus(KeyRing.of(List.of(renewed.sealingKey("new"))));
    assertThat(merged.keys()).hasSize(2);
    assertThat(merged.keys().get(0).origin()).isEqualTo("new");
  }

  @Test
  void theFingerprintKeyDoesNotDependOnLoadOrder() {
    SealingKey a = TestKeys.ringA().keys().get(0);
    SealingKey b = generated("2020-01-01T00:00:00Z").sealingKey("b");
    Credential c = Credential.ofString("password", "canary-Harbor12345");
    String ab = KeyRing.of(List.of(a, b)).fingerprinter().fingerprint(c);
    String ba = KeyRing.of(List.of(b, a)).fingerprinter().fingerprint(c);
    assertThat(ab).isEqualTo(ba).startsWith("hmac-sha256:").doesNotContain("canary");
    SealingKey smaller =
        java.util.Arrays.compareUnsigned(a.publicKeySha256(), b.publicKeySha256()) < 0 ? a : b;
    SealingKey larger = smaller == a ? b : a;
    assertThat(KeyRing.of(List.of(smaller)).fingerprinter().fingerprint(c)).isEqualTo(ab);
    assertThat(KeyRing.of(List.of(larger)).fingerprinter().fingerprint(c)).isNotEqualTo(ab);
  }

  @Test
  void compromisedKeysInABackupAreSkipped() throws Exception {
    String secret = Files.readString(TestKeys.keyA("secret.yaml"));
    Path f = Files.writeString(dir.resolve("k.yaml"), secret.replace(": active", ": compromised"));
    assertThatThrownBy(() -> KeyRing.load(List.of(f)))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("no active sealed-secrets key found");
  }

  @Test
  void badKeyFilesAreNamedWithTheirProblem() throws Exception {
    Path missing = dir.resolve("missing.pem");
    Path garbage = Files.writeString(dir.resolve("garbage.txt"), "hello: [");
    Path notSecret = Files.writeString(dir.resolve("cm.yaml"), "kind: ConfigMap\n");
    Path noKey =
        Files.writeString(
            dir.resolve("nokey.yaml"),
            "apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\nmetadata: {name: k}\n"
                + "data: {tls.crt: \"\"}\n");
    Path badPem =
        Files.writeString(
            dir.resolve("bad.pem"),
            "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    Path certOnly = TestKeys.keyA("tls.crt");
    assertThatThrownBy(
            () -> KeyRing.load(List.of(missing, garbage, notSecret, noKey, badPem, certOnly)))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Object::toString)
                    .containsExactly(
                        missing + ":1: cannot read the key file (no such file)",
                        garbage + ":1: not valid YAML or JSON",
                        notSecret + ":1: kind: expected a Secret or a List of Secrets (document 1)",
                        noKey + ":1: data.tls.key: missing",
                        badPem + ":1: malformed PEM data",
                        certOnly
                            + ":1: expected exactly one PEM private key (RSA PRIVATE KEY or"
                            + " PRIVATE KEY), found 0"));
  }

  @Test
  void aCertificateForAnotherKeyIsRefused() throws Exception {
    String otherCert =
        Base64.getEncoder()
            .encodeToString(
                PemObjects.write(generated("2020-01-01T00:00:00Z").certificate())
                    .getBytes(StandardCharsets.UTF_8));
    String secret = Files.readString(TestKeys.keyA("secret.yaml"));
    String swapped = secret.replaceFirst("tls.crt: \\S+", "tls.crt: " + otherCert);
    KeySecret ks =
        new KeySecret(
            "secret kube-system/x",
            Base64.getMimeDecoder().decode(field(swapped, "tls.key")),
            Base64.getMimeDecoder().decode(field(swapped, "tls.crt")));
    assertThatThrownBy(() -> KeyRing.fromSecrets(List.of(ks)))
        .hasMessage(
            "secret kube-system/x:1: data.tls.crt: the certificate is not for this private key");
  }

  @Test
  void printingKeysNeverShowsKeyMaterial() {
    KeyRing ring = TestKeys.ringA();
    String modulus =
        ((java.security.interfaces.RSAKey) ring.keys().get(0).publicKey()).getModulus().toString();
    assertThat(ring.toString()).contains("sha256:").doesNotContain(modulus.substring(0, 20));
  }
}
