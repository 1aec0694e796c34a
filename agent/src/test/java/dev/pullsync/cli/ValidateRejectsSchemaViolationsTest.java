package dev.pullsync.cli;

import static dev.pullsync.cli.ValidateRun.fixture;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Wrong types, missing and unknown fields, unknown kinds: our wording, at the field's line. */
class ValidateRejectsSchemaViolationsTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "wrong-type-server",
            new String[] {
              "registry.yaml:6: spec.server: must be a string, not a number (quote it if you mean"
                  + " text)"
            }),
        Arguments.of(
            "wrong-type-registries",
            new String[] {"ps.yaml:6: spec.registries: must be a list, not a string"}),
        Arguments.of("missing-server", new String[] {"registry.yaml:5: spec.server: is required"}),
        Arguments.of(
            "missing-metadata-name",
            new String[] {
              "registry.yaml:3: metadata.name: is required",
              "registry.yaml:4: metadata.annotations: unknown field (expected one of name)"
            }),
        Arguments.of(
            "unknown-field",
            new String[] {
              "registry.yaml:10: spec.skipTlsVerify: unknown field (expected one of server,"
                  + " username, password, email, dockerConfigJson, sealedSecretFile, insecure, verify,"
                  + " caBundle, expires)"
            }),
        Arguments.of(
            "unknown-kind",
            new String[] {
              "registry.yaml:2: kind: unknown kind \"Secret\" (expected Registry or PullSecret)"
            }),
        Arguments.of(
            "unknown-api-version",
            new String[] {
              "registry.yaml:1: apiVersion: unknown apiVersion \"pullsync.dev/v1\" (expected"
                  + " pullsync.dev/v1alpha1)"
            }),
        Arguments.of(
            "bad-enum-mode", new String[] {"ps.yaml:9: spec.mode: must be one of enforce, report"}),
        Arguments.of(
            "plain-password",
            new String[] {
              "registry.yaml:8: spec.password: must be sealed, written {sealed: <ciphertext from"
                  + " kubeseal --raw or pullsync seal>}, not a string"
            }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rejectsWithOurMessage(String fixture, String[] expected) {
    ValidateRun.of(fixture(fixture)).assertRejectedWith(expected);
  }
}
