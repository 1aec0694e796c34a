package dev.pullsync.cli;

import static dev.pullsync.cli.ValidateRun.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Servers, credential forms, ciphertext shapes and referenced SealedSecret files. */
class ValidateRejectsBadCredentialsTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "server-with-query",
            new String[] {
              "registry.yaml:6: spec.server: must not have a query (?) or fragment (#)"
            }),
        Arguments.of(
            "server-http-url",
            new String[] {
              "registry.yaml:6: spec.server: must be host[:port][/path] or an https:// URL"
            }),
        Arguments.of(
            "bad-base64",
            new String[] {
              "registry.yaml:9: spec.password.sealed: not a sealed-secrets ciphertext: not standard"
                  + " base64 (A-Z a-z 0-9 + / with = padding)"
            }),
        Arguments.of(
            "bad-length-prefix",
            new String[] {
              "registry.yaml:9: spec.password.sealed: not a sealed-secrets ciphertext: its length"
                  + " prefix gives a 5-byte RSA block, not a plausible RSA key size (128 to 1024"
                  + " bytes)"
            }),
        Arguments.of(
            "truncated-ciphertext",
            new String[] {
              "registry.yaml:9: spec.password.sealed: not a sealed-secrets ciphertext: 514 bytes is"
                  + " shorter than its 512-byte RSA block plus the 16-byte AES-GCM tag (truncated?)"
            }),
        Arguments.of(
            "two-credential-forms",
            new String[] {
              "registry.yaml:5: spec: give only one credential form: username and password,"
                  + " dockerConfigJson or sealedSecretFile"
            }),
        Arguments.of(
            "no-credential",
            new String[] {
              "registry.yaml:5: spec: give a credential: username and password, dockerConfigJson"
                  + " or sealedSecretFile"
            }),
        Arguments.of(
            "bad-expires",
            new String[] {
              "registry.yaml:10: spec.expires: must be a date written YYYY-MM-DD, such as"
                  + " 2027-01-31"
            }),
        Arguments.of(
            "sealed-file-missing",
            new String[] {
              "registry.yaml:7: spec.sealedSecretFile: file sealed/missing.yaml does not exist"
            }),
        Arguments.of(
            "sealed-file-outside-root",
            new String[] {
              "registry.yaml:7: spec.sealedSecretFile: points outside the spec directory: refused"
            }),
        Arguments.of(
            "sealed-file-absolute",
            new String[] {
              "registry.yaml:7: spec.sealedSecretFile: must be a path relative to the spec"
                  + " directory"
            }),
        Arguments.of(
            "sealed-file-wrong-kind",
            new String[] {
              "registry.yaml:7: spec.sealedSecretFile: sealed/secret.yaml is not a"
                  + " bitnami.com/v1alpha1 SealedSecret (found kind \"Secret\")",
              "sealed/secret.yaml:1: apiVersion: unknown apiVersion \"v1\" (expected"
                  + " pullsync.dev/v1alpha1)"
            }),
        Arguments.of(
            "sealed-file-bad-ciphertext",
            new String[] {
              "sealed/harbor.json:10: spec.encryptedData[\".dockerconfigjson\"]: not a"
                  + " sealed-secrets ciphertext: 2 bytes is shorter than its 512-byte RSA block"
                  + " plus the 16-byte AES-GCM tag (truncated?)"
            }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rejectsWithOneLocatedLine(String fixture, String[] expected) {
    ValidateRun.of(fixture(fixture)).assertRejectedWith(expected);
  }

  @Test
  void serverWithCredentialsIsRefusedWithoutEchoingThem() {
    ValidateRun run = ValidateRun.of(fixture("server-with-credentials"));
    run.assertRejectedWith(
        "registry.yaml:6: spec.server: must not contain credentials (user:password@): put them in"
            + " username and password");
    assertThat(run.err()).doesNotContain("Harbor12345").doesNotContain("admin:");
  }

  @Test
  void ciphertextsNeverAppearInMessages() throws IOException {
    for (String name : List.of("truncated-ciphertext", "bad-length-prefix", "bad-base64")) {
      String yaml = Files.readString(fixture(name).resolve("registry.yaml"));
      String sealed = yaml.substring(yaml.indexOf("sealed: ") + 8).strip();
      String head = sealed.substring(0, Math.min(8, sealed.length()));
      assertThat(ValidateRun.of(fixture(name)).err()).as(name).doesNotContain(head);
    }
  }
}
