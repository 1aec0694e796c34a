package dev.pullsync.cli;

import static dev.pullsync.cli.ValidateRun.fixture;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Names, references, globs, selectors and duplicate Secret names. */
class ValidateRejectsBadNamesAndSelectorsTest {
  private static final String LABEL_RULE =
      "must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a"
          + " letter or digit";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "missing-registry-reference",
            "ps.yaml:6: spec.registries[1]: no Registry named \"quay\" in the spec"),
        Arguments.of(
            "invalid-registry-name", "registry.yaml:4: metadata.name: registry name " + LABEL_RULE),
        Arguments.of(
            "invalid-secret-name",
            "ps.yaml:4: metadata.name: must be a DNS-1123 subdomain: lower-case letters, digits,"
                + " '-' and '.', starting and ending with a letter or digit"),
        Arguments.of(
            "invalid-namespace-name",
            "ps.yaml:8: spec.namespaces.names[0]: namespace name " + LABEL_RULE),
        Arguments.of(
            "bad-glob",
            "ps.yaml:8: spec.namespaces.patterns[0]: unclosed '[' in glob \"team-[a-z\""),
        Arguments.of(
            "bad-exclude-glob",
            "ps.yaml:9: spec.namespaces.exclude[0]: character '_' cannot occur in a Kubernetes name"
                + " (glob \"kube_*\")"),
        Arguments.of(
            "bad-selector-operator",
            "ps.yaml:11: spec.namespaces.selector.matchExpressions[0].operator: must be one of In,"
                + " NotIn, Exists, DoesNotExist"),
        Arguments.of(
            "selector-in-without-values",
            "ps.yaml:10: spec.namespaces.selector.matchExpressions[0].values: In needs at least one"
                + " value"),
        Arguments.of(
            "selector-exists-with-values",
            "ps.yaml:12: spec.namespaces.selector.matchExpressions[0].values: Exists takes no"
                + " values"),
        Arguments.of(
            "selector-bad-label-key",
            "ps.yaml:10: spec.namespaces.selector.matchLabels[\"-bad/key\"]: label key prefix must"
                + " be a DNS-1123 subdomain"),
        Arguments.of(
            "no-namespace-selection",
            "ps.yaml:7: spec.namespaces: give at least one of names, patterns or selector"),
        Arguments.of(
            "duplicate-secret-name",
            "b.yaml:4: metadata.name: PullSecret \"harbor-credentials\" (the Secret's name) is also"
                + " defined at a.yaml:4"),
        Arguments.of(
            "duplicate-registry-name",
            "registry.yaml:14: metadata.name: Registry \"harbor\" is also defined at"
                + " registry.yaml:4"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rejectsWithOneLocatedLine(String fixture, String expected) {
    ValidateRun.of(fixture(fixture)).assertRejectedWith(expected);
  }
}
