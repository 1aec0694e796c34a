package dev.pullsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.source.GitAuth;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishesReportToGitTest {
  @TempDir Path tmp;

  private ReportPublisher publisher(ReportTarget target, String work) {
    PublisherSettings settings =
        PublisherSettings.defaults(target, tmp.resolve(work))
            .withAuthor("pullsync prod-eu", "pullsync@prod-eu.example")
            .withRetries(5, Duration.ofMillis(1), Duration.ofMillis(10));
    Clock clock = Clock.fixed(Instant.parse("2026-11-26T21:00:00Z"), ZoneOffset.UTC);
    return new ReportPublisher(settings, GitAuth.none(), clock, new SplittableRandom(1));
  }

  @Test
  void createsTheOrphanStatusBranchWithBothFiles() throws Exception {
    try (GitReportRepo remote = GitReportRepo.bare(tmp.resolve("remote.git"));
        ReportPublisher publisher = publisher(ReportTarget.onStatusBranch(remote.url()), "work")) {
      Report report = SampleReports.drifted("prod-eu", SampleReports.FINISHED);
      PublishResult result = publisher.publish(report);

      assertThat(result.outcome()).as(result.message()).isEqualTo(PublishResult.Outcome.COMMITTED);
      RevCommit tip = remote.tip("pullsync-status").orElseThrow();
      assertThat(tip.getParentCount()).isZero();
      assertThat(tip.getFullMessage())
          .isEqualTo("status(prod-eu): Drifted at 4f2a9c1 \u2014 4 drifted, 1 failed\n");
      assertThat(tip.getAuthorIdent().getName()).isEqualTo("pullsync prod-eu");
      assertThat(tip.getAuthorIdent().getEmailAddress()).isEqualTo("pullsync@prod-eu.example");
      assertThat(remote.file("pullsync-status", "status/prod-eu.yaml"))
          .contains(new YamlReport().render(report));
      assertThat(remote.file("pullsync-status", "status/prod-eu.md"))
          .contains(new MarkdownReport().render(report));
      assertThat(result.commit()).contains(tip.name());
    }
  }

  @Test
  void commitsNothingWhenOnlyTheTimestampChanged() throws Exception {
    try (GitReportRepo remote = GitReportRepo.bare(tmp.resolve("remote.git"));
        ReportPublisher publisher = publisher(ReportTarget.onStatusBranch(remote.url()), "work")) {
      publisher.publish(SampleReports.drifted("prod-eu", SampleReports.FINISHED));
      RevCommit first = remote.tip("pullsync-status").orElseThrow();

      PublishResult again =
          publisher.publish(
              SampleReports.drifted("prod-eu", SampleReports.FINISHED.plusSeconds(600)));
      assertThat(again.outcome()).isEqualTo(PublishResult.Outcome.UNCHANGED);
      assertThat(remote.tip("pullsync-status")).contains(first);

      PublishResult changed =
          publisher.publish(
              SampleReports.synced("prod-eu", SampleReports.FINISHED.plusSeconds(900)));
      assertThat(changed.outcome()).isEqualTo(PublishResult.Outcome.COMMITTED);
      RevCommit second = remote.tip("pullsync-status").orElseThrow();
      assertThat(second.getParent(0)).isEqualTo(first);
      assertThat(second.getShortMessage()).startsWith("status(prod-eu): Synced at 4f2a9c1");
    }
  }

  @Test
  void aFreshWorkFolderContinuesTheExistingBranch() throws Exception {
    try (GitReportRepo remote = GitReportRepo.bare(tmp.resolve("remote.git"))) {
      ReportTarget target = ReportTarget.onStatusBranch(remote.url());
      try (ReportPublisher first = publisher(target, "work-a")) {
        first.publish(SampleReports.drifted("prod-eu", SampleReports.FINISHED));
      }
      try (ReportPublisher restarted = publisher(target, "work-b")) {
        assertThat(
                restarted
                    .publish(
                        SampleReports.drifted("prod-eu", SampleReports.FINISHED.plusSeconds(60)))
                    .outcome())
            .isEqualTo(PublishResult.Outcome.UNCHANGED);
        assertThat(restarted.publish(SampleReports.synced("dev", SampleReports.FINISHED)).outcome())
            .isEqualTo(PublishResult.Outcome.COMMITTED);
      }
      assertThat(remote.file("pullsync-status", "status/prod-eu.yaml")).isPresent();
      assertThat(remote.file("pullsync-status", "status/dev.yaml")).isPresent();
      assertThat(remote.history("pullsync-status")).hasSize(2);
    }
  }

  @Test
  void writesUnderAPathOfTheSourceBranchKeepingTheSpec() throws Exception {
    Path source = tmp.resolve("source");
    try (Git git = Git.init().setInitialBranch("main").setDirectory(source.toFile()).call()) {
      Files.createDirectories(source.resolve("spec"));
      Files.writeString(
          source.resolve("spec/registry.yaml"), "kind: Registry\n", StandardCharsets.UTF_8);
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("spec")
          .setAuthor("a", "a@example")
          .setCommitter("a", "a@example")
          .call();
    }
    try (GitReportRepo remote = GitReportRepo.bare(tmp.resolve("remote.git"))) {
      try (Git git = Git.open(source.toFile())) {
        git.push().setRemote(remote.url()).add("main").call();
      }
      ReportTarget target = new ReportTarget(remote.url(), "main", "/reports/");
      assertThat(target.excludedSpecPath(remote.url(), "refs/heads/main")).contains("reports");
      assertThat(target.excludedSpecPath(remote.url(), "release")).isEmpty();
      assertThat(ReportTarget.onStatusBranch(remote.url()).excludedSpecPath(remote.url(), "main"))
          .isEmpty();
      try (ReportPublisher publisher = publisher(target, "work")) {
        PublishResult result =
            publisher.publish(SampleReports.synced("dev", SampleReports.FINISHED));
        assertThat(result.outcome())
            .as(result.message())
            .isEqualTo(PublishResult.Outcome.COMMITTED);
      }
      assertThat(remote.file("main", "spec/registry.yaml")).contains("kind: Registry\n");
      assertThat(remote.file("main", "reports/dev.yaml")).isPresent();
      assertThat(remote.file("main", "reports/dev.md")).isPresent();
      assertThat(remote.history("main")).hasSize(2);
    }
  }

  @Test
  void aClusterNameThatIsNotAFileNameIsRefused() throws Exception {
    try (GitReportRepo remote = GitReportRepo.bare(tmp.resolve("remote.git"));
        ReportPublisher publisher = publisher(ReportTarget.onStatusBranch(remote.url()), "work")) {
      PublishResult result =
          publisher.publish(SampleReports.synced("../main", SampleReports.FINISHED));
      assertThat(result.outcome()).isEqualTo(PublishResult.Outcome.FAILED);
      assertThat(result.message()).contains("cluster name '../main' cannot be a file name");
      assertThat(remote.tip("pullsync-status")).isEmpty();
    }
  }

  @Test
  void anUnreachableRemoteIsAResultWithoutTheUrlsCredentials() throws Exception {
    String canary = "canary-Tok3n-7f9e2d";
    String url = "https://pullsync:" + canary + "@127.0.0.1:9/nowhere.git?access_token=" + canary;
    try (ReportPublisher publisher = publisher(ReportTarget.onStatusBranch(url), "work")) {
      PublishResult result = publisher.publish(SampleReports.synced("dev", SampleReports.FINISHED));
      assertThat(result.outcome()).isEqualTo(PublishResult.Outcome.FAILED);
      assertThat(result.message())
          .contains("https://127.0.0.1:9/nowhere.git")
          .doesNotContain(canary);
    }
  }
}
