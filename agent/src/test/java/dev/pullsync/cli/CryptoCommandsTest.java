package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.unseal.KeyRing;
import dev.pullsync.unseal.PemObjects;
import dev.pullsync.unseal.Scope;
import dev.pullsync.unseal.SealedText;
import dev.pullsync.unseal.SealingKeyGenerator;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** pullsync seal, unseal and keygen through Main, with a canary that must never reach stderr. */
class CryptoCommandsTest {
  private static final String CANARY = "canary-Harbor12345-do-not-leak";

  @TempDir Path dir;

  static String resource(String name) {
    try {
      return Path.of(CryptoCommandsTest.class.getResource("/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static final String CERT_A = resource("vectors/keys/A/tls.crt");
  static final String KEY_A = resource("vectors/keys/A/tls.key");

  @Test
  void sealThenUnsealRawRoundTripsInEveryScope() {
    for (String[] scope :
        List.of(
            new String[] {"--scope", "strict", "--namespace", "pullsync", "--name", "harbor"},
            new String[] {"--scope", "namespace-wide", "--namespace", "pullsync"},
            new String[] {"--scope", "cluster-wide"})) {
      CommandRun sealed =
          CommandRun.of(CANARY, concat(new String[] {"seal", "--cert", CERT_A}, scope));
      assertThat(sealed.exit()).as(sealed.err()).isZero();
      assertThat(sealed.out()).doesNotContain("\n").doesNotContain(CANARY);
      CommandRun opened =
          CommandRun.of(
              sealed.out(), concat(new String[] {"unseal", "--key", KEY_A, "--raw"}, scope));
      assertThat(opened.exit()).as(opened.err()).isZero();
      assertThat(new String(opened.rawOut(), StandardCharsets.UTF_8)).isEqualTo(CANARY);
    }
  }

  @Test
  void sealAcceptsAPublicKeyPemAndItsOutputOpensWithTheKeyRing() {
    CommandRun sealed =
        CommandRun.of(
            CANARY,
            "seal",
            "--cert",
            resource("vectors/keys/A/public.pem"),
            "--scope",
            "namespace-wide",
            "-n",
            "pullsync");
    assertThat(sealed.exit()).isZero();
    byte[] plain =
        KeyRing.load(List.of(Path.of(KEY_A)))
            .open(SealedText.decode(sealed.out()), Scope.NAMESPACE_WIDE.label("pullsync", ""));
    assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo(CANARY);
  }

  @Test
  void sealRefusesAnExpiredCertificate() throws Exception {
    SealingKeyGenerator.Generated old =
        new SealingKeyGenerator(
                Clock.fixed(Instant.parse("2000-01-01T00:00:00Z"), ZoneOffset.UTC),
                new SecureRandom())
            .generate(2048);
    Path cert = Files.writeString(dir.resolve("old.crt"), PemObjects.write(old.certificate()));
    CommandRun run =
        CommandRun.of(CANARY, "seal", "--cert", cert.toString(), "--scope", "cluster-wide");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith(cert + ":1: the certificate expired on 2009-12-29")
        .doesNotContain(CANARY);
  }

  @Test
  void sealNeedsNamespaceAndNameForStrictLikeKubeseal() {
    CommandRun noName = CommandRun.of(CANARY, "seal", "--cert", CERT_A, "--namespace", "pullsync");
    assertThat(noName.exit()).isEqualTo(2);
    assertThat(noName.err())
        .contains("--name is required with --scope strict")
        .doesNotContain(CANARY);
    CommandRun noNs = CommandRun.of(CANARY, "seal", "--cert", CERT_A, "--scope", "namespace-wide");
    assertThat(noNs.exit()).isEqualTo(2);
    assertThat(noNs.err()).contains("--namespace is required");
    CommandRun badScope = CommandRun.of(CANARY, "seal", "--cert", CERT_A, "--scope", "galaxy-wide");
    assertThat(badScope.exit()).isEqualTo(2);
    assertThat(badScope.err()).contains("unknown scope");
    CommandRun noCert =
        CommandRun.of(
            CANARY,
            "seal",
            "--cert",
            dir.resolve("none.crt").toString(),
            "--scope",
            "cluster-wide");
    assertThat(noCert.exit()).isEqualTo(2);
    assertThat(noCert.err()).contains("none.crt: no such file (it does not exist)");
  }

  @Test
  void unsealTurnsAManifestFromStdinIntoTheSecretYaml() throws Exception {
    for (String scope : List.of("strict", "namespace-wide", "cluster-wide")) {
      for (String format : List.of("yaml", "json")) {
        String manifest =
            Files.readString(
                Path.of(resource("vectors/manifests/sealedsecret-" + scope + "." + format)));
        CommandRun run = CommandRun.of(manifest, "unseal", "--key", KEY_A);
        assertThat(run.exit()).as(run.err()).isZero();
        Load load = new Load(LoadSettings.builder().build());
        Map<?, ?> got = (Map<?, ?>) load.loadFromString(run.out());
        Map<?, ?> want =
            (Map<?, ?>)
                load.loadFromString(
                    Files.readString(
                        Path.of(resource("vectors/manifests/input-secret-" + scope + ".yaml"))));
        assertThat(got).isEqualTo(want);
      }
    }
  }

  @Test
  void unsealWithTheWrongKeyOrScopeIsExit2WithoutData() throws Exception {
    CommandRun sealed =
        CommandRun.of(
            CANARY, "seal", "--cert", CERT_A, "--scope", "namespace-wide", "-n", "pullsync");
    CommandRun wrongScope =
        CommandRun.of(sealed.out(), "unseal", "--key", KEY_A, "--raw", "--scope", "cluster-wide");
    assertThat(wrongScope.exit()).isEqualTo(2);
    assertThat(wrongScope.err())
        .isEqualTo("<stdin>:1: no key could decrypt this value for scope cluster-wide\n");
    assertThat(wrongScope.rawOut()).isEmpty();

    Path keyDir = dir.resolve("other");
    assertThat(CommandRun.of("", "keygen", "--out", keyDir.toString(), "--bits", "2048").exit())
        .isZero();
    String manifest =
        Files.readString(Path.of(resource("vectors/manifests/sealedsecret-strict.yaml")));
    CommandRun wrongKey =
        CommandRun.of(manifest, "unseal", "--key", keyDir.resolve("tls.key").toString());
    assertThat(wrongKey.exit()).isEqualTo(2);
    assertThat(wrongKey.err())
        .startsWith("<stdin>:")
        .contains(
            "spec.encryptedData[\".dockerconfigjson\"]: no key could decrypt this value for scope strict"
                + " (user-example-com/harbor-credentials)")
        .doesNotContain("AgA848");
    assertThat(wrongKey.out()).isEmpty();

    CommandRun garbage =
        CommandRun.of("%%%", "unseal", "--key", KEY_A, "--raw", "--scope", "cluster-wide");
    assertThat(garbage.exit()).isEqualTo(2);
    assertThat(garbage.err()).contains("not valid base64").doesNotContain("%%%");
  }

  @Test
  void unsealNamesABadKeyFile() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.pem"), "not a key");
    CommandRun run = CommandRun.of("", "unseal", "--key", bad.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith(bad + ":1: ");
  }

  @Test
  void keygenWritesAControllerStyleKeyThatSealAndUnsealUse() throws Exception {
    Path out = dir.resolve("key");
    CommandRun run = CommandRun.of("", "keygen", "--out", out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    X509Certificate cert =
        PemObjects.parse(Files.readString(out.resolve("tls.crt"))).certificates().get(0);
    assertThat(cert.getSubjectX500Principal().getName())
        .isEqualTo("O=sealed-secret,CN=sealed-secret");
    assertThat(((java.security.interfaces.RSAKey) cert.getPublicKey()).getModulus().bitLength())
        .isEqualTo(4096);
    assertThat(cert.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(cert.getKeyUsage()[7]).as("encipherOnly").isTrue();
    long days =
        java.time.Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant())
            .toDays();
    assertThat(days).isEqualTo(3650);
    assertThat(Files.readString(out.resolve("tls.key")))
        .startsWith("-----BEGIN RSA PRIVATE KEY-----");
    for (String f : List.of("tls.crt", "tls.key", "sealed-secrets-key.yaml")) {
      assertThat(Files.getPosixFilePermissions(out.resolve(f)))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
    Map<?, ?> secret =
        (Map<?, ?>)
            new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(out.resolve("sealed-secrets-key.yaml")));
    assertThat(secret.get("type")).isEqualTo("kubernetes.io/tls");
    assertThat(((Map<?, ?>) secret.get("metadata")).get("namespace")).isEqualTo("kube-system");
    assertThat(((Map<?, ?>) secret.get("metadata")).get("labels"))
        .isEqualTo(Map.of("sealedsecrets.bitnami.com/sealed-secrets-key", "active"));

    CommandRun sealed =
        CommandRun.of(
            CANARY, "seal", "--cert", out.resolve("tls.crt").toString(), "--scope", "cluster-wide");
    CommandRun opened =
        CommandRun.of(
            sealed.out(),
            "unseal",
            "--key",
            out.resolve("sealed-secrets-key.yaml").toString(),
            "--raw",
            "--scope",
            "cluster-wide");
    assertThat(new String(opened.rawOut(), StandardCharsets.UTF_8)).isEqualTo(CANARY);

    CommandRun again = CommandRun.of("", "keygen", "--out", out.toString());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("already exists");
  }

  @Test
  void keygenIntoAnUnwritablePlaceFailsWithOneLine() throws Exception {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    CommandRun run =
        CommandRun.of("", "keygen", "--out", file.resolve("sub").toString(), "--bits", "2048");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .startsWith(file.resolve("sub") + ": cannot write the key files (")
        .doesNotContain("Exception");
    assertThat(run.err().lines()).hasSize(1);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
