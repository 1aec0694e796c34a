package dev.pullsync.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.testkit.CapturedLogs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code kill -9} of a child JVM while JGit holds a lock in its work folder (the kill is
 * aimed: it lands the moment a {@code *.lock} file appears during a fetch of a repository with
 * thousands of files). The next process on that work folder clears what the kill left, fetches the
 * new revision and checks out exactly its files.
 */
class RecoversAfterKillDuringFetchTest {
  private static final int FILES = 1500;
  private static final int MAX_KILLS = 5;

  @TempDir Path tmp;

  @Test
  void aFetchKilledWhileHoldingALockNeverWedgesTheWorkFolder() throws Exception {
    try (SpecRepo spec = SpecRepo.create(tmp)) {
      for (int i = 0; i < FILES; i++) {
        Path file = spec.work().getRepository().getWorkTree().toPath().resolve("f/" + i + ".yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, ("file " + i + "\n").repeat(20));
      }
      spec.work().add().addFilepattern("f").call();
      spec.commit("a.yaml", "one\n");
      String url = spec.bareDir().toUri().toString();
      Path work = tmp.resolve("work");

      List<String> leftBehind = new ArrayList<>();
      int kills = 0;
      while (leftBehind.isEmpty() && kills < MAX_KILLS) {
        kills++;
        leftBehind = killWhenALockAppears(url, work);
        if (kills % 2 == 0) {
          spec.commit("a.yaml", "kill " + kills + "\n"); // the next fetch has work to do
        }
      }
      System.out.printf("kill -9 #%d left %s%n", kills, leftBehind);
      assertThat(leftBehind).as("a kill landed while JGit held a lock").isNotEmpty();

      RevCommit next = spec.commit("a.yaml", "after the kill\n");
      long start = System.nanoTime();
      try (CapturedLogs logs = new CapturedLogs();
          GitSource nextProcess =
              new GitSource(
                  SourceOptions.local(url, "main", "").withWorkDir(work), new MutableClock())) {
        Snapshot snapshot = nextProcess.fetch();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("recovered in %d ms: %s%n", millis, logs.lines());
        assertThat(snapshot.commit()).isEqualTo(next.name());
        assertThat(Files.readString(snapshot.specRoot().resolve("a.yaml")))
            .isEqualTo("after the kill\n");
        assertThat(snapshot.specRoot().resolve("f/" + (FILES - 1) + ".yaml")).exists();
        assertThat(logs.count("stale Git lock") + logs.count("cloning afresh"))
            .as("the repair is logged")
            .isPositive();
        assertThat(logs.count("stale Git lock")).as("once").isLessThanOrEqualTo(1);
        assertThat(logs.count("cloning afresh")).as("once").isLessThanOrEqualTo(1);
        assertThat(locks(snapshot.specRoot().resolve(".git"))).isEmpty();
      }
    }
  }

  /** Starts a fetching child, kills it -9 as soon as a JGit lock exists; the locks left after. */
  private List<String> killWhenALockAppears(String url, Path work) throws Exception {
    Path log = tmp.resolve("child.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                FetchLoopProcess.class.getName(),
                url,
                work.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (System.nanoTime() < deadline && child.isAlive()) {
        if (!locks(work).isEmpty()) {
          break;
        }
        Thread.sleep(1);
      }
      child.destroyForcibly(); // SIGKILL
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(Files.readString(log, StandardCharsets.UTF_8)).doesNotContain("Exception");
    return locks(work);
  }

  /** JGit lock files in the work folders (not the folder claims beside them). */
  private static List<String> locks(Path work) throws IOException {
    if (!Files.isDirectory(work)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(work)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".lock"))
          .filter(p -> !p.getParent().equals(work))
          .map(p -> work.relativize(p).toString())
          .toList();
    } catch (java.io.UncheckedIOException e) {
      return List.of(); // a file vanished while walking: look again
    }
  }
}
