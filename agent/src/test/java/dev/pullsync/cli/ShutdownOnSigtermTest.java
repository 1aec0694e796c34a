package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM on a running agent (a real child JVM): the reconcile in progress finishes, then the
 * schedule, queue, informers and HTTP stop, and the process exits as terminated (143).
 */
class ShutdownOnSigtermTest {
  @TempDir Path tmp;

  @Test
  void sigtermFinishesTheRunningReconcileAndStopsCleanly() throws Exception {
    Path log = tmp.resolve("stderr.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    ServiceModeProcess.class.getName()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> read(log).contains("Reconcile started (startup)"));
      child.destroy(); // SIGTERM
      assertThat(child.waitFor(40, TimeUnit.SECONDS)).as(read(log)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    String output = read(log);
    assertThat(child.exitValue()).as(output).isEqualTo(143);
    assertThat(output)
        .contains("Shutting down")
        .contains("fake reconcile done")
        .contains("Reconcile finished: Synced")
        .contains("Stopped")
        .contains("everything closed")
        .doesNotContain("fake reconcile interrupted");
    assertThat(output.indexOf("Shutting down")).isLessThan(output.indexOf("fake reconcile done"));
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
