package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.config.AgentConfigLoader;
import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.Problem;
import dev.pullsync.unseal.KeyRing;
import dev.pullsync.unseal.SealedSecretManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deep nesting (flow and block, thousands of levels), a cycle through an alias, an alias bomb and
 * an oversized scalar, given to every YAML reader: spec files ({@code validate}, exit 2 at {@code
 * file:line}), a SealedSecret file referenced by a Registry, key files, SealedSecret manifests for
 * {@code unseal}, and the agent configuration. Each answers with a located problem in our words;
 * none throws a {@code StackOverflowError} or names an exception class.
 */
class EveryYamlReaderRefusesHostileYamlTest {

  static Stream<Arguments> inputs() {
    return Stream.of(
        Arguments.of("flow lists 3,000 deep", "a: " + "[".repeat(3000) + "]".repeat(3000), 1),
        Arguments.of("flow mappings 2,000 deep", "a: " + "{a: ".repeat(2000) + "}".repeat(2000), 1),
        Arguments.of("block mappings 500 deep", block(500), 51),
        Arguments.of("an alias inside its own anchor", "a: &x [1, *x]", 1),
        Arguments.of("aliases nesting beyond the depth", aliasTower(), 10),
        Arguments.of("an alias bomb", aliasBomb(), 7),
        Arguments.of("a 300,000-character value", "a: " + "x".repeat(300_000), 1));
  }

  @ParameterizedTest(name = "validate: {0}")
  @MethodSource("inputs")
  void specFile(String what, String yaml, int line, @TempDir Path root) throws IOException {
    Files.writeString(root.resolve("registry.yaml"), yaml);
    ValidateRun run = ValidateRun.of(root);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.errLines().get(0)).startsWith("registry.yaml:" + line + ": YAML refused: ");
    assertThat(run.err()).doesNotContain("Exception", "Error", "\tat ");
  }

  @ParameterizedTest(name = "sealedSecretFile: {0}")
  @MethodSource("inputs")
  void sealedSecretFile(String what, String yaml, int line, @TempDir Path root) throws IOException {
    Files.writeString(
        root.resolve("registry.yaml"),
        """
        apiVersion: pullsync.dev/v1alpha1
        kind: Registry
        metadata:
          name: ghcr
        spec:
          server: ghcr.io
          sealedSecretFile: sealed/ghcr.yaml
        """);
    Files.createDirectory(root.resolve("sealed"));
    Files.writeString(root.resolve("sealed/ghcr.yaml"), yaml);
    ValidateRun run = ValidateRun.of(root);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.errLines()).anyMatch(l -> l.startsWith("sealed/ghcr.yaml:" + line + ": YAML"));
    assertThat(run.err()).doesNotContain("Exception", "Error", "\tat ");
  }

  @ParameterizedTest(name = "agent configuration: {0}")
  @MethodSource("inputs")
  void agentConfiguration(String what, String yaml, int line) {
    assertRefused(
        t -> new AgentConfigLoader().parse(t.getBytes(StandardCharsets.UTF_8), "config.yaml"),
        yaml,
        "config.yaml:" + line + ": YAML refused: ");
  }

  @ParameterizedTest(name = "key file: {0}")
  @MethodSource("inputs")
  void keyFile(String what, String yaml, int line, @TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("keys.yaml"), yaml);
    assertRefused(t -> KeyRing.load(List.of(file)), yaml, file + ":" + line + ": YAML refused: ");
  }

  @ParameterizedTest(name = "unseal manifest: {0}")
  @MethodSource("inputs")
  void sealedSecretManifest(String what, String yaml, int line) {
    assertRefused(
        t -> SealedSecretManifest.parse(t, "in.yaml"),
        yaml,
        "in.yaml:" + line + ": YAML refused: ");
  }

  private static void assertRefused(Function<String, ?> reader, String yaml, String start) {
    try {
      reader.apply(yaml);
      throw new AssertionError("accepted");
    } catch (InvalidSpecException e) {
      List<String> lines = e.problems().stream().map(Problem::toString).toList();
      assertThat(lines).hasSize(1);
      assertThat(lines.get(0)).startsWith(start).doesNotContain("Exception", "Error");
    }
  }

  private static String block(int depth) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      b.append("  ".repeat(i)).append("a:\n");
    }
    return b.toString();
  }

  /** Nine anchors, each nesting the previous one five levels deeper: 45 levels, then 50 more. */
  private static String aliasTower() {
    StringBuilder b = new StringBuilder("a0: &a0 [[[[[x]]]]]\n");
    for (int i = 1; i < 9; i++) {
      b.append("a").append(i).append(": &a").append(i).append(" [[[[[*a").append(i - 1);
      b.append("]]]]]\n");
    }
    return b.append("top: [[[[[[[[[[*a8]]]]]]]]]]\n").toString();
  }

  private static String aliasBomb() {
    StringBuilder b = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 9; i++) {
      b.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 5; j++) {
        b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      b.append("]\n");
    }
    return b.toString();
  }
}
