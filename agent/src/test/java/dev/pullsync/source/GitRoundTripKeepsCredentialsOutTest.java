package dev.pullsync.source;

import static dev.pullsync.testkit.TestEngine.INSTANCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.apply.Applier;
import dev.pullsync.apply.ApplyOptions;
import dev.pullsync.live.ClusterView;
import dev.pullsync.plan.Planner;
import dev.pullsync.plan.Policy;
import dev.pullsync.reconcile.Reconciler;
import dev.pullsync.reconcile.Revisions;
import dev.pullsync.reconcile.Trigger;
import dev.pullsync.report.PublishResult;
import dev.pullsync.report.PublisherSettings;
import dev.pullsync.report.Report;
import dev.pullsync.report.ReportPublisher;
import dev.pullsync.report.ReportTarget;
import dev.pullsync.testkit.CapturedLogs;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole Git round trip with the engine in between: spec fetched over HTTPS with a token,
 * reconciled into a mock cluster, report pushed to a status branch; then the token is revoked.
 * Neither the registry password canary nor the Git token canary appears in a report file, a commit
 * message, a log line or a publish result.
 */
class GitRoundTripKeepsCredentialsOutTest {
  private static final String TOKEN = "canary-git-token-0d4f7a";

  @TempDir Path tmp;

  @Test
  void reportsAndLogsNeverShowAGitOrRegistryCredential() throws Exception {
    Fixtures spec = Fixtures.seed();
    Path tokenFile = Files.writeString(tmp.resolve("token"), TOKEN);
    List<PublishResult> results = new ArrayList<>();
    try (CapturedLogs logs = new CapturedLogs();
        MockCluster cluster = new MockCluster();
        SpecRepo repo = SpecRepo.create(tmp);
        Git statusRepo =
            Git.init().setBare(true).setDirectory(tmp.resolve("status.git").toFile()).call();
        GitHttpServer server = new GitHttpServer(repo.bare(), HttpsAuth.TOKEN_USER, TOKEN)) {
      cluster.namespace("user-example-com").serviceAccount("user-example-com", "default");
      RevCommit head = repo.commit("pullsecrets.yaml", "kind: PullSecret\n");
      HttpsAuth auth = HttpsAuth.token(tokenFile);
      GitSource source =
          new GitSource(
              SourceOptions.local(server.url(), "main", "")
                  .withWorkDir(tmp.resolve("work"))
                  .withAuth(auth),
              Clock.systemUTC());
      ReportPublisher publisher =
          new ReportPublisher(
              PublisherSettings.defaults(
                      ReportTarget.onStatusBranch(tmp.resolve("status.git").toUri().toString()),
                      tmp.resolve("report-work"))
                  .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(5)),
              auth,
              Clock.systemUTC(),
              new SecureRandom());
      try (ClusterView view = new ClusterView(cluster.client(), Duration.ofSeconds(10), INSTANCE)) {
        Reconciler reconciler =
            new Reconciler(
                new Revisions(source::fetch, root -> spec.build(), s -> spec.unsealed()),
                view,
                new Planner(Policy.defaults(), INSTANCE),
                new Applier(cluster.client(), view, new ApplyOptions(4, 5, Duration.ofMillis(5))),
                report -> {
                  PublishResult result = publisher.publish(report);
                  results.add(result);
                  return result;
                },
                "prod-eu",
                INSTANCE,
                Clock.systemUTC());

        Report synced = reconciler.run(Trigger.full("test"));
        assertThat(synced.result()).isEqualTo(Report.Result.SYNCED);
        assertThat(synced.revision()).isEqualTo("main@sha1:" + head.name());

        repo.commit("pullsecrets.yaml", "kind: PullSecret\n# changed\n");
        Files.writeString(tokenFile, "revoked-" + TOKEN);
        Report failed = reconciler.run(Trigger.full("test"));
        assertThat(failed.errors()).anySatisfy(e -> assertThat(e).contains("not authorized"));
        assertThat(failed.appliedRevision()).contains(synced.revision());
      }
      publisher.close();

      assertThat(results)
          .extracting(PublishResult::outcome)
          .containsOnly(PublishResult.Outcome.COMMITTED);
      List<String> texts = new ArrayList<>(logs.lines());
      texts.addAll(published(statusRepo.getRepository()));
      results.forEach(r -> texts.add(r.message()));
      assertThat(texts).isNotEmpty();
      for (String text : texts) {
        assertThat(text).doesNotContain(Fixtures.CANARY).doesNotContain(TOKEN);
      }
      assertThat(String.join("\n", texts)).contains("not authorized");
    }
  }

  /** Every report file version and commit message on the status branch. */
  private static List<String> published(Repository repo) throws Exception {
    List<String> texts = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repo)) {
      walk.markStart(walk.parseCommit(repo.resolve("refs/heads/pullsync-status")));
      for (RevCommit commit : walk) {
        texts.add(commit.getFullMessage());
        try (TreeWalk tree = new TreeWalk(repo)) {
          tree.addTree(commit.getTree());
          tree.setRecursive(true);
          while (tree.next()) {
            texts.add(
                new String(
                    repo.open(tree.getObjectId(0)).getBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
          }
        }
      }
    }
    assertThat(texts).hasSizeGreaterThanOrEqualTo(6);
    return texts;
  }
}
