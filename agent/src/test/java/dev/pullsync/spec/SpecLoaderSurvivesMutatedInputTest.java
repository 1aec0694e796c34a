package dev.pullsync.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Randomly mutated spec files (seeded, the seed printed on failure) either load or fail with
 * located problems: never another exception, never an unlocated or credential-bearing message.
 */
class SpecLoaderSurvivesMutatedInputTest {
  private static final Path EXAMPLES = Path.of("..", "examples", "multi-registry");
  private static final List<String> FRAGMENTS =
      List.of(
          ":",
          "- ",
          "{",
          "}",
          "[",
          "]",
          "&a ",
          "*a",
          "\t",
          "\n",
          "  ",
          "'",
          "\"",
          "#",
          "---\n",
          "!!binary ",
          "? ",
          "|",
          "null",
          "true",
          "12",
          "~",
          "@",
          "%",
          "\u0000",
          "\u00e9");
  private static final SpecLoader LOADER = new SpecLoader();

  @RepeatedTest(120)
  void loadsOrReportsLocatedProblems(RepetitionInfo info, @TempDir Path root) throws IOException {
    long seed = 0x5eedL * 1_000_003L + info.getCurrentRepetition();
    SplittableRandom random = new SplittableRandom(seed);
    Files.createDirectory(root.resolve("sealed"));
    for (String name : List.of("registries.yaml", "pull-secrets.yaml", "sealed/ghcr.yaml")) {
      String text = Files.readString(EXAMPLES.resolve(name));
      String changed = random.nextInt(3) == 0 ? text : mutate(text, random);
      Files.write(root.resolve(name), changed.getBytes(StandardCharsets.UTF_8));
    }
    try {
      Spec spec = LOADER.load(root);
      assertThat(spec.registries().size() + spec.pullSecrets().size())
          .as("seed " + seed)
          .isPositive();
    } catch (InvalidSpecException e) {
      assertThat(e.problems()).as("seed " + seed).isNotEmpty();
      for (Problem p : e.problems()) {
        assertThat(p.location().line()).as("seed " + seed + ": " + p).isPositive();
        assertThat(p.toString()).as("seed " + seed).doesNotContain("AgA", "AgB", "AgC", "AgD");
      }
    } catch (RuntimeException e) {
      throw new AssertionError("seed " + seed + ": unexpected " + e, e);
    }
  }

  private static String mutate(String text, SplittableRandom random) {
    StringBuilder b = new StringBuilder(text);
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits; i++) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(3)) {
        case 0 -> b.insert(at, FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
        case 1 -> b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(20)));
        default -> {
          int from = random.nextInt(b.length());
          int len = Math.min(30, b.length() - from);
          b.insert(at, b.substring(from, from + len));
        }
      }
    }
    return b.toString();
  }
}
