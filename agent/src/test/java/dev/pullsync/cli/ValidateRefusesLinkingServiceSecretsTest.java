package dev.pullsync.cli;

import static dev.pullsync.cli.ValidateRun.fixture;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A basic-auth or Opaque PullSecret is for services that log in themselves: validate refuses
 * ServiceAccounts for it (kubelet would not read it), several registries in it (which one would its
 * keys hold?), Opaque without keys, keys on another type, and a field outside the fixed set.
 */
class ValidateRefusesLinkingServiceSecretsTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "opaque-with-service-accounts",
            "ps.yaml:11: spec.serviceAccounts: a Secret of type Opaque is not an image pull secret:"
                + " kubelet reads only kubernetes.io/dockerconfigjson (and dockercfg) Secrets from"
                + " imagePullSecrets; remove serviceAccounts, or use type"
                + " kubernetes.io/dockerconfigjson"),
        Arguments.of(
            "basic-auth-two-registries",
            "ps.yaml:7: spec.registries: a Secret of type kubernetes.io/basic-auth holds one"
                + " registry's credential; 2 registries would be ambiguous: write one PullSecret per registry,"
                + " or use type kubernetes.io/dockerconfigjson"),
        Arguments.of(
            "opaque-without-keys",
            "ps.yaml:7: spec.type: type Opaque needs keys: a map from Secret key to one of [server,"
                + " username, password, email, auth, .dockerconfigjson] (e.g. {HARBOR_USERNAME:"
                + " username, HARBOR_PASSWORD: password})"),
        Arguments.of(
            "keys-on-pull-secret",
            "ps.yaml:9: spec.keys: keys is only for type Opaque; a Secret of type"
                + " kubernetes.io/dockerconfigjson has fixed keys [.dockerconfigjson]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusesWithOneLocatedLine(String fixture, String expected) {
    ValidateRun.of(fixture(fixture)).assertRejectedWith(expected);
  }

  @org.junit.jupiter.api.Test
  void refusesAFieldOutsideTheFixedSet() {
    ValidateRun run = ValidateRun.of(fixture("opaque-unknown-field"));
    org.assertj.core.api.Assertions.assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("ps.yaml:11: spec.keys.HARBOR_TOKEN: ")
        .contains("server", "username", ".dockerconfigjson");
    org.assertj.core.api.Assertions.assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
  }
}
