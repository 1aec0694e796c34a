package dev.pullsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.live.ClusterListing;
import dev.pullsync.source.GitAuth;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full reconcile's inventory goes to status/<cluster>.inventory.yaml and is committed only when
 * it changes apart from its time; a change to the inventory alone commits the inventory alone.
 */
class CommitsInventoryOnlyWhenItChangesTest {
  private static final String PATH = "status/prod-eu.inventory.yaml";
  @TempDir Path tmp;

  @Test
  void commitsTheInventoryWhenItChangesAndNotForTheTime() throws Exception {
    try (GitReportRepo remote = GitReportRepo.bare(tmp.resolve("remote.git"));
        ReportPublisher publisher = publisher(ReportTarget.onStatusBranch(remote.url()))) {
      Report report = SampleReports.synced("prod-eu", SampleReports.FINISHED);
      assertThat(publisher.publish(report, listing("a")).outcome())
          .isEqualTo(PublishResult.Outcome.COMMITTED);
      RevCommit first = remote.tip("pullsync-status").orElseThrow();
      assertThat(remote.file("pullsync-status", PATH))
          .contains(new InventoryYaml().render(report, listing("a")));

      Report later = SampleReports.synced("prod-eu", SampleReports.FINISHED.plusSeconds(600));
      assertThat(publisher.publish(later, listing("a")).outcome())
          .isEqualTo(PublishResult.Outcome.UNCHANGED);
      assertThat(remote.tip("pullsync-status")).contains(first);

      assertThat(publisher.publish(later, listing("b")).outcome())
          .isEqualTo(PublishResult.Outcome.COMMITTED);
      assertThat(remote.file("pullsync-status", PATH).orElseThrow()).contains("team: b");
      assertThat(remote.file("pullsync-status", "status/prod-eu.yaml").orElseThrow())
          .contains(SampleReports.FINISHED.toString())
          .doesNotContain(later.finishedAt().toString());

      assertThat(publisher.publish(later).outcome()).isEqualTo(PublishResult.Outcome.UNCHANGED);
      assertThat(remote.file("pullsync-status", PATH).orElseThrow()).contains("team: b");
    }
  }

  private static ClusterListing listing(String team) {
    return new ClusterListing(
        List.of(
            new ClusterListing.Namespace(
                "team-a",
                Map.of("team", team),
                "",
                false,
                List.of(
                    new ClusterListing.ServiceAccount("default", List.of("harbor"), Map.of())))),
        List.of(
            new ClusterListing.ManagedSecret(
                "team-a",
                "harbor",
                "kubernetes.io/dockerconfigjson",
                "harbor",
                "x",
                "sha256:1",
                "")));
  }

  private ReportPublisher publisher(ReportTarget target) {
    PublisherSettings settings =
        PublisherSettings.defaults(target, tmp.resolve("work"))
            .withRetries(5, Duration.ofMillis(1), Duration.ofMillis(10));
    Clock clock = Clock.fixed(Instant.parse("2026-11-26T21:00:00Z"), ZoneOffset.UTC);
    return new ReportPublisher(settings, GitAuth.none(), clock, new SplittableRandom(1));
  }
}
