package dev.pullsync.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.ci.FakeCommentApi.Comment;
import dev.pullsync.ci.FakeCommentApi.Flavor;
import dev.pullsync.cli.Main;
import dev.pullsync.testkit.MockCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole pull-request round trip of examples/ci: the agent ({@code run --once}) publishes its
 * inventory for cluster {@code prod} on the report branch of a spec repository holding
 * examples/kubeflow-harbor; the cluster is then gone, and in a CI checkout of a pull request that
 * adds a namespace, pullsync-plan.sh (validate, then {@code plan --offline-from}) writes the plan
 * with that namespace's create and links and passes (exit 3 is not a failure), and post-comment.sh
 * posts it; the next push's plan replaces it in the same comment.
 */
class PullRequestGetsTheOfflinePlanAsOneCommentTest {
  private static final String TOKEN = "ghs_canaryTokenValue5555555555";

  @TempDir Path tmp;

  @Test
  void aNewNamespaceIsPlannedOfflineAndTheCommentFollowsThePullRequest() throws Exception {
    CiCheckout repo = new CiCheckout(tmp.resolve("git"));
    publishInventory(repo);

    String withTeamNew =
        repo.specFile("pull-secret.yaml")
            .replace("names: [user-example-com]", "names: [user-example-com, team-new]");
    Path ci = repo.pullRequest(7, Map.of("pull-secret.yaml", withTeamNew));
    Sh.Result plan = Sh.run(ci, env(), "pullsync-plan.sh");

    assertThat(plan.exit()).as(plan.all()).isZero();
    assertThat(Files.readString(ci.resolve("pullsync-plan.exit")).trim()).isEqualTo("3");
    String body = Files.readString(ci.resolve("pullsync-plan.md"));
    assertThat(body)
        .startsWith("<!-- pullsync-plan cluster=prod -->\n")
        .contains("`pullsync validate`: OK: spec: 1 registry, 2 pull secrets")
        .contains("Planned offline against cluster prod as reported at ")
        .contains("team-new")
        .doesNotContain("Harbor12345");
    assertThat(body.lines().filter(l -> l.contains("team-new")).toList())
        .as("the pull request's namespace gets the Secret and both links")
        .anySatisfy(l -> assertThat(l).contains("harbor-credentials"))
        .hasSizeGreaterThanOrEqualTo(2);

    try (FakeCommentApi api = new FakeCommentApi(Flavor.GITHUB, TOKEN, 7)) {
      Sh.Result first = Sh.run(ci, github(api), "post-comment.sh", "github", "pullsync-plan.md");
      assertThat(first.exit()).as(first.all()).isZero();

      Path again = repo.pullRequest(7, Map.of()); // the author reverts the change: nothing to plan
      Sh.Result replan = Sh.run(again, env(), "pullsync-plan.sh");
      assertThat(replan.exit()).as(replan.all()).isZero();
      assertThat(Files.readString(again.resolve("pullsync-plan.exit")).trim()).isEqualTo("0");
      Sh.Result second =
          Sh.run(again, github(api), "post-comment.sh", "github", "pullsync-plan.md");
      assertThat(second.exit()).as(second.all()).isZero();

      List<Comment> comments = api.comments();
      assertThat(comments).hasSize(1);
      assertThat(comments.get(0).body())
          .isEqualTo(Files.readString(again.resolve("pullsync-plan.md")))
          .contains("no changes")
          .doesNotContain("team-new");
    }
  }

  /** The agent reconciles a mock cluster once and pushes status/prod.inventory.yaml. */
  private void publishInventory(CiCheckout repo) throws Exception {
    try (MockCluster cluster = new MockCluster()) {
      cluster.namespace("kubeflow");
      cluster.namespace("user-example-com");
      cluster.serviceAccount("user-example-com", "default");
      cluster.serviceAccount("user-example-com", "default-editor");
      cluster.namespace("team-new");
      cluster.serviceAccount("team-new", "default");
      cluster.serviceAccount("team-new", "default-editor");
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cl = Main.commandLine();
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      int exit =
          cl.execute(
              "run",
              "--once",
              "--repo",
              repo.origin().toString(),
              "--path",
              CiCheckout.SPEC_PATH,
              "--key",
              Sh.ROOT.resolve("examples/demo-key/tls.key").toString(),
              "--kubeconfig",
              cluster.kubeconfig(tmp).toString(),
              "--work-dir",
              tmp.resolve("work").toString(),
              "--cluster",
              "prod",
              "--no-registry-check");
      assertThat(exit).as(out + "\n" + err).isZero();
    }
  }

  private Map<String, String> env() throws Exception {
    Map<String, String> env = new HashMap<>(TestLauncher.install(tmp));
    env.put("SPEC_PATH", CiCheckout.SPEC_PATH);
    env.put("CLUSTER", "prod");
    return env;
  }

  private static Map<String, String> github(FakeCommentApi api) {
    return Map.of(
        "GITHUB_API_URL",
        api.baseUrl(),
        "GITHUB_REPOSITORY",
        "acme/specs",
        "PR_NUMBER",
        "7",
        "GITHUB_TOKEN",
        TOKEN);
  }
}
