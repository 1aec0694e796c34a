package dev.pullsync.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code demo --once} without {@code --dir} works in a temporary folder of its own and removes it
 * on exit; it prints no kubectl instructions for an API that has already stopped.
 */
class DemoRemovesItsTempFolderTest {
  @TempDir Path parent;

  @Test
  void onceRemovesItsFolderAndPrintsNoInstructions() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    ((DemoCommand) cl.getSubcommands().get("demo").getCommand()).tempParent = parent;

    int exit = cl.execute("demo", "--once");

    assertThat(exit).as(out.toString()).isZero();
    assertThat(out.toString()).contains("== Result: Synced").doesNotContain("KUBECONFIG");
    try (Stream<Path> left = Files.list(parent)) {
      assertThat(left).isEmpty();
    }
  }
}
