package dev.pullsync.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitSource reads exactly the committed files of the branch head into its own work folder: never a
 * user's uncommitted edits, and a later fetch moves to the new head.
 */
class PinsCommittedRevisionTest {
  @TempDir Path tmp;
  final Clock clock = Clock.fixed(Instant.parse("2026-11-26T20:00:00Z"), ZoneOffset.UTC);

  private Git repo() throws Exception {
    Git git = Git.init().setDirectory(tmp.resolve("user").toFile()).setInitialBranch("main").call();
    Files.createDirectories(tmp.resolve("user/spec"));
    Files.writeString(tmp.resolve("user/spec/a.yaml"), "committed: 1\n");
    git.add().addFilepattern(".").call();
    git.commit().setMessage("one").setSign(false).call();
    return git;
  }

  @Test
  void readsTheCommitNotTheWorkingTree() throws Exception {
    try (Git git = repo()) {
      String head = git.getRepository().resolve("HEAD").name();
      Files.writeString(tmp.resolve("user/spec/a.yaml"), "uncommitted edit\n");
      Files.writeString(tmp.resolve("user/spec/new.yaml"), "untracked\n");
      GitSource source =
          new GitSource(
              SourceOptions.local(tmp.resolve("user").toString(), "main", "spec")
                  .withWorkDir(tmp.resolve("work")),
              clock);

      Snapshot snapshot = source.fetch();

      assertThat(snapshot.revision()).isEqualTo("main@sha1:" + head);
      assertThat(snapshot.fetchedAt()).isEqualTo(clock.instant());
      assertThat(snapshot.specRoot()).startsWith(tmp.resolve("work"));
      assertThat(Files.readString(snapshot.specRoot().resolve("a.yaml")))
          .isEqualTo("committed: 1\n");
      assertThat(snapshot.specRoot().resolve("new.yaml")).doesNotExist();
    }
  }

  @Test
  void laterFetchMovesToTheNewHeadAndDropsStrayFiles() throws Exception {
    try (Git git = repo()) {
      GitSource source =
          new GitSource(
              SourceOptions.local("file://" + tmp.resolve("user"), "main", "spec")
                  .withWorkDir(tmp.resolve("work")),
              clock);
      Snapshot first = source.fetch();
      Files.writeString(first.specRoot().resolve("stray.yaml"), "left behind\n");
      Files.writeString(tmp.resolve("user/spec/a.yaml"), "committed: 2\n");
      git.add().addFilepattern(".").call();
      String second = git.commit().setMessage("two").setSign(false).call().getName();

      Snapshot next = source.fetch();

      assertThat(next.commit()).isEqualTo(second).isNotEqualTo(first.commit());
      assertThat(Files.readString(next.specRoot().resolve("a.yaml"))).isEqualTo("committed: 2\n");
      assertThat(next.specRoot().resolve("stray.yaml")).doesNotExist();
    }
  }

  @Test
  void missingBranchAndUnreachableRepoAreSourceErrors() throws Exception {
    try (Git git = repo()) {
      GitSource noBranch =
          new GitSource(
              SourceOptions.local(tmp.resolve("user").toString(), "nope", "")
                  .withWorkDir(tmp.resolve("work")),
              clock);
      assertThatThrownBy(noBranch::fetch)
          .isInstanceOf(SourceException.class)
          .hasMessageContaining("nope");
    }
    GitSource nowhere =
        new GitSource(
            SourceOptions.local(tmp.resolve("absent").toString(), "main", "")
                .withWorkDir(tmp.resolve("work")),
            clock);
    assertThatThrownBy(nowhere::fetch)
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("absent: no such repository");
  }

  @Test
  void verifierCanRefuseACommit() throws Exception {
    try (Git git = repo()) {
      GitSource source =
          new GitSource(
              SourceOptions.local(tmp.resolve("user").toString(), "main", "")
                  .withWorkDir(tmp.resolve("work"))
                  .withVerifier(
                      (repository, commit) -> {
                        throw new SourceException("commit " + commit.name() + " is not signed");
                      }),
              clock);

      assertThatThrownBy(source::fetch).hasMessageContaining("is not signed");
    }
  }
}
