package dev.pullsync.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetchesIncrementallyTest {
  @TempDir Path tmp;
  private SpecRepo spec;

  @BeforeEach
  void repo() throws Exception {
    spec = SpecRepo.create(tmp);
    spec.commit("a.yaml", "one\n");
    spec.commit("a.yaml", "two\n");
  }

  @AfterEach
  void close() {
    spec.close();
  }

  @Test
  void firstFetchIsShallowAndLaterFetchesReuseTheWorkFolder() throws Exception {
    RevCommit third = spec.commit("a.yaml", "three\n");
    SourceOptions options =
        SourceOptions.local(spec.bareDir().toUri().toString(), "main", "")
            .withWorkDir(tmp.resolve("work"));
    Snapshot first;
    try (GitSource process = new GitSource(options, new MutableClock())) {
      first = process.fetch();
    }
    assertThat(first.commit()).isEqualTo(third.name());
    Path clone = first.specRoot();
    assertThat(Files.exists(clone.resolve(".git/shallow")))
        .as("depth-limited first clone")
        .isTrue();
    assertThat(commitsIn(clone)).isEqualTo(1);

    RevCommit fourth = spec.commit("a.yaml", "four\n");
    Snapshot second;
    try (GitSource nextProcess = new GitSource(options, new MutableClock())) {
      second = nextProcess.fetch();
    }
    assertThat(second.specRoot()).isEqualTo(clone);
    assertThat(second.commit()).isEqualTo(fourth.name());
    assertThat(second.revision()).isEqualTo("main@sha1:" + fourth.name());
    assertThat(Files.readString(clone.resolve("a.yaml"))).isEqualTo("four\n");
    assertThat(commitsIn(clone)).as("only the new commit was fetched").isEqualTo(2);
  }

  private static int commitsIn(Path clone) throws Exception {
    try (Git git = Git.open(clone.toFile())) {
      int n = 0;
      for (RevCommit ignored :
          git.log().add(git.getRepository().resolve("refs/remotes/origin/main")).call()) {
        n++;
      }
      return n;
    }
  }
}
