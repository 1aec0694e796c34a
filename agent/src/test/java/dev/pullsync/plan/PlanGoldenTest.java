package dev.pullsync.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden pairs for the pure planner: {@code src/test/resources/plan/<case>/desired.yaml} and {@code
 * live.yaml} give {@code plan.golden} (the text plan). Run with {@code -Dgolden.update=true} to
 * rewrite the goldens after an intended change, then review the diff.
 */
class PlanGoldenTest {
  private static final Path CASES = Path.of("src/test/resources/plan");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(CASES)) {
      return dirs
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void planMatchesGolden(String name) throws IOException {
    Path dir = CASES.resolve(name);
    GoldenCase c = new GoldenCase(dir);

    String actual =
        PlanFormat.TEXT.render(new Planner(c.policy, GoldenCase.INSTANCE).plan(c.desired, c.live));

    Path golden = dir.resolve("plan.golden");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    assertThat(actual).doesNotContain(Fixtures.CANARY, "golden-password", "old-password");
  }
}
