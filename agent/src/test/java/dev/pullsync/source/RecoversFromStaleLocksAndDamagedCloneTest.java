package dev.pullsync.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.testkit.CapturedLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock files and half-written clones a SIGKILL leaves in the work folder (as found after kills
 * aimed at a running fetch: {@code HEAD.lock}, {@code index.lock}, {@code
 * refs/remotes/origin/main.lock}, a repository without its HEAD) never wedge the next process: it
 * clears or re-clones by itself, says so once, and fetches the new revision.
 */
class RecoversFromStaleLocksAndDamagedCloneTest {
  @TempDir Path tmp;
  private SpecRepo spec;
  private SourceOptions options;

  @BeforeEach
  void repo() throws Exception {
    spec = SpecRepo.create(tmp);
    spec.commit("a.yaml", "one\n");
    options =
        SourceOptions.local(spec.bareDir().toUri().toString(), "main", "")
            .withWorkDir(tmp.resolve("work"));
  }

  @AfterEach
  void close() {
    spec.close();
  }

  @Test
  void staleJGitLocksLeftByAKilledProcessAreClearedOnceAndTheFetchWorks() throws Exception {
    Path clone = fetchOnce().specRoot();
    Path git = clone.resolve(".git");
    for (String lock : new String[] {"HEAD.lock", "index.lock", "refs/remotes/origin/main.lock"}) {
      Files.createDirectories(git.resolve(lock).getParent());
      Files.writeString(git.resolve(lock), "left by kill -9\n");
    }
    RevCommit next = spec.commit("a.yaml", "two\n");

    try (CapturedLogs logs = new CapturedLogs();
        GitSource nextProcess = new GitSource(options, new MutableClock())) {
      Snapshot snapshot = nextProcess.fetch();
      assertThat(snapshot.commit()).isEqualTo(next.name());
      assertThat(snapshot.specRoot()).as("the same folder, kept").isEqualTo(clone);
      assertThat(Files.readString(clone.resolve("a.yaml"))).isEqualTo("two\n");
      assertThat(logs.count("Cleared 3 stale Git lock file(s)")).isEqualTo(1);
      nextProcess.fetch();
      assertThat(logs.count("stale Git lock")).as("logged once").isEqualTo(1);
    }
    assertThat(locksIn(git)).isZero();
  }

  @Test
  void aCloneKilledBeforeItWroteHeadIsReplacedByAFreshOne() throws Exception {
    Path clone = fetchOnce().specRoot();
    Files.delete(clone.resolve(".git/HEAD"));
    Files.writeString(clone.resolve(".git/objects/info/alternates"), "/nowhere\n");
    RevCommit next = spec.commit("a.yaml", "two\n");

    try (CapturedLogs logs = new CapturedLogs();
        GitSource nextProcess = new GitSource(options, new MutableClock())) {
      Snapshot snapshot = nextProcess.fetch();
      assertThat(snapshot.commit()).isEqualTo(next.name());
      assertThat(Files.readString(snapshot.specRoot().resolve("a.yaml"))).isEqualTo("two\n");
      assertThat(logs.count("cloning afresh")).isEqualTo(1);
      nextProcess.fetch();
      assertThat(logs.count("cloning afresh")).as("repaired once").isEqualTo(1);
    }
  }

  @Test
  void aRemoteThatIsGoneIsNotMistakenForLocalDamage() throws Exception {
    Path clone = fetchOnce().specRoot();
    SourceOptions gone =
        SourceOptions.local(tmp.resolve("no-such.git").toUri().toString(), "main", "")
            .withWorkDir(tmp.resolve("work"));
    try (CapturedLogs logs = new CapturedLogs();
        GitSource source = new GitSource(gone, new MutableClock())) {
      org.assertj.core.api.Assertions.assertThatThrownBy(source::fetch)
          .isInstanceOf(SourceException.class);
      assertThat(logs.count("cloning afresh")).isZero();
    }
    assertThat(Files.readString(clone.resolve("a.yaml"))).isEqualTo("one\n");
  }

  private Snapshot fetchOnce() {
    try (GitSource first = new GitSource(options, new MutableClock())) {
      return first.fetch();
    }
  }

  private static long locksIn(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".lock")).count();
    }
  }
}
