package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few hundred seeded {@link SpecFuzz} cases of {@code validate}: every one exits 0 or 2, none
 * exits 4, none lets an error escape, none prints a stack trace or an exception's name. The seed is
 * printed; replay with {@code -Dpullsync.fuzz.seed=N -Dpullsync.fuzz.cases=M}. The large run is
 * {@code pullsync fuzz --cases 2500}.
 */
class ValidateSurvivesFuzzedSpecsTest {

  @Test
  void everyCaseExitsZeroOrTwo(@TempDir Path work) {
    long seed = Long.getLong("pullsync.fuzz.seed", 0x5eed_2026L);
    int cases = Integer.getInteger("pullsync.fuzz.cases", 200);
    System.out.println("SpecFuzz seed " + seed + ", " + cases + " cases");
    SpecFuzz.Result result = new SpecFuzz(work).run(seed, cases);
    System.out.print(result.describe());
    assertThat(result.firstBad()).as("seed " + seed + "\n" + result.describe()).isNull();
    assertThat(result.histogram().keySet()).containsOnly("0", "2");
    assertThat(result.histogram().get("2")).as("the mutations do break specs").isPositive();
  }
}
