package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command and subcommand of the whole picocli tree answers {@code --help} and {@code -h} with
 * its usage and exit 0, and picocli prints no warning while rendering any of them.
 */
class EveryCommandAnswersHelpTest {

  @Test
  void everyCommandAnswersHelpAndDashH() {
    List<List<String>> paths = new ArrayList<>();
    collect(Main.commandLine(), new ArrayList<>(), paths);
    assertThat(paths).extracting(p -> String.join(" ", p)).contains("", "run", "plan", "validate");

    PrintStream oldErr = System.err;
    ByteArrayOutputStream picocliErr = new ByteArrayOutputStream();
    System.setErr(new PrintStream(picocliErr, true, StandardCharsets.UTF_8));
    try {
      for (List<String> path : paths) {
        for (String flag : List.of("--help", "-h")) {
          List<String> args = new ArrayList<>(path);
          args.add(flag);
          CommandRun run = CommandRun.of("", args.toArray(String[]::new));
          String name = ("pullsync " + String.join(" ", path)).trim();
          assertThat(run.exit()).as("%s %s: %s", name, flag, run.err()).isZero();
          assertThat(run.out()).as("%s %s", name, flag).startsWith("Usage: " + name);
          assertThat(run.err()).as("%s %s", name, flag).isEmpty();
        }
      }
    } finally {
      System.setErr(oldErr);
    }
    assertThat(picocliErr.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
  }

  private static void collect(CommandLine cl, List<String> path, List<List<String>> into) {
    into.add(List.copyOf(path));
    for (var sub : cl.getSubcommands().entrySet()) {
      if (!sub.getValue().getCommandName().equals(sub.getKey())) {
        continue; // an alias: the command itself is walked under its name
      }
      List<String> next = new ArrayList<>(path);
      next.add(sub.getKey());
      collect(sub.getValue(), next, into);
    }
  }
}
