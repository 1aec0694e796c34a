package dev.pullsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.source.GitAuth;
import dev.pullsync.source.GitSource;
import dev.pullsync.source.Snapshot;
import dev.pullsync.source.SourceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports written under a path of the source branch never count as a new spec revision and never
 * reach the spec loader.
 */
class ReportsOnTheSourceBranchTest {
  private static final PersonIdent TEAM = new PersonIdent("Platform", "platform@example.com");

  @TempDir Path tmp;

  @Test
  void theAgentsOwnReportCommitIsNotANewRevision() throws Exception {
    Path work = tmp.resolve("checkout");
    try (GitReportRepo remote = GitReportRepo.bare(tmp.resolve("spec.git"));
        Git user = Git.init().setInitialBranch("main").setDirectory(work.toFile()).call()) {
      RevCommit spec = commitSpec(user, work, "kind: Registry\n", remote.url());
      ReportTarget target = new ReportTarget(remote.url(), "main", "status");
      Clock clock = Clock.fixed(Instant.parse("2026-11-26T21:00:00Z"), ZoneOffset.UTC);
      GitSource source =
          new GitSource(
              SourceOptions.local(remote.url(), "main", "")
                  .withWorkDir(tmp.resolve("source-work"))
                  .withExcludedPath(target.excludedSpecPath(remote.url(), "main")),
              clock);
      Snapshot first = source.fetch();
      assertThat(first.commit()).isEqualTo(spec.name());

      try (ReportPublisher publisher =
          new ReportPublisher(
              PublisherSettings.defaults(target, tmp.resolve("report-work"))
                  .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(5)),
              GitAuth.none(),
              clock,
              new SplittableRandom(3))) {
        assertThat(publisher.publish(report(first)).outcome())
            .isEqualTo(PublishResult.Outcome.COMMITTED);
      }
      assertThat(remote.tip("main").orElseThrow()).isNotEqualTo(spec);

      Snapshot afterReport = source.fetch();
      assertThat(afterReport.revision()).isEqualTo(first.revision());
      assertThat(afterReport.specRoot().resolve("status")).doesNotExist();

      user.fetch()
          .setRemote(remote.url())
          .setRefSpecs("+refs/heads/main:refs/remotes/origin/main")
          .call();
      user.reset()
          .setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD)
          .setRef("refs/remotes/origin/main")
          .call();
      RevCommit next = commitSpec(user, work, "kind: Registry\nspec: {}\n", remote.url());
      Snapshot afterSpecChange = source.fetch();
      assertThat(afterSpecChange.commit()).isEqualTo(next.name());
      assertThat(afterSpecChange.specRoot().resolve("status")).doesNotExist();
      assertThat(afterSpecChange.specRoot().resolve("registries/harbor.yaml")).exists();
      assertThat(remote.file("main", "status/dev.yaml"))
          .as("the report stays on the branch")
          .isPresent();
    }
  }

  private static RevCommit commitSpec(Git user, Path work, String content, String remote)
      throws Exception {
    Files.createDirectories(work.resolve("registries"));
    Files.writeString(work.resolve("registries/harbor.yaml"), content);
    user.add().addFilepattern("registries").call();
    RevCommit commit = user.commit().setMessage("spec").setAuthor(TEAM).setCommitter(TEAM).call();
    user.push().setRemote(remote).add("main").call();
    return commit;
  }

  private static Report report(Snapshot snapshot) {
    Report.Counts none = new Report.Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    return new Report(
        "dev",
        "pullsync.dev",
        snapshot.revision(),
        Optional.of(snapshot.revision()),
        Report.Result.SYNCED,
        Instant.parse("2026-11-26T21:00:00Z"),
        none,
        List.of(),
        List.of());
  }
}
