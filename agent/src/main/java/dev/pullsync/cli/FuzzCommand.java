package dev.pullsync.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pullsync fuzz}: the large run of {@link SpecFuzz} (hidden; the build runs a few hundred
 * cases, this runs thousands). Prints the seed and the histogram of outcomes; exit 0 when every
 * case exited 0 or 2 without a stack trace, else 1 with the first bad case's seed.
 */
@Command(
    name = "fuzz",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "Fuzz validate with mutated copies of the bundled example spec.")
final class FuzzCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--cases", defaultValue = "2500", description = "Cases to run.")
  int cases;

  @Option(names = "--seed", description = "First case's seed (default: time-based, printed).")
  Long seed;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    long first = seed != null ? seed : System.nanoTime();
    Path work = Files.createTempDirectory("pullsync-fuzz-");
    try {
      out.println("fuzzing validate: " + cases + " cases from seed " + first);
      out.flush();
      long start = System.nanoTime();
      SpecFuzz.Result result = new SpecFuzz(work).run(first, cases);
      out.print(result.describe());
      out.println("  took " + (System.nanoTime() - start) / 1_000_000_000 + " s");
      if (!result.clean()) {
        out.println("first bad " + result.firstBad() + " (replay: --seed <that seed> --cases 1)");
      }
      out.flush();
      return result.clean() ? ExitCode.OK : ExitCode.FAILED;
    } finally {
      Files.deleteIfExists(work);
    }
  }
}
