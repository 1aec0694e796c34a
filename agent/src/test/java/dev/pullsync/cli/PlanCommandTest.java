package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.testkit.MockCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code pullsync plan} writes nothing and exits 3 when a reconcile would change something, 0 when
 * not, 2 when the revision is invalid; text, Markdown (a PR comment table) and JSON.
 */
class PlanCommandTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void plansChangesInThreeFormatsWithoutWriting() {
    cluster
        .namespace("user-example-com")
        .serviceAccount("user-example-com", "default", "other-registry");
    cluster.namespace("team-a").serviceAccount("team-a", "default");
    EngineCli cli = new EngineCli(tmp, cluster);
    cluster.clearRequests();

    CommandRun text = cli.run("plan");
    CommandRun markdown = cli.run("plan", "--format", "markdown");
    CommandRun json = cli.run("plan", "--format", "json");

    assertThat(cluster.writes()).isEmpty();
    assertThat(text.exit()).as(text.err()).isEqualTo(3);
    assertThat(text.out())
        .contains("2 create, 2 link")
        .contains("create   Secret harbor-credentials in user-example-com [missing]");
    assertThat(markdown.exit()).isEqualTo(3);
    assertThat(markdown.out())
        .contains("#### PullSecret `harbor-credentials`")
        .contains("| Namespace | Object | Change | Drift | Why |")
        .contains("| team-a | ServiceAccount default entry harbor-credentials | link |");
    assertThat(json.exit()).isEqualTo(3);
    JsonNode parsed = JsonMapper.builder().build().readTree(json.out());
    assertThat(parsed.get("hasChanges").asBoolean()).isTrue();
    assertThat(parsed.get("changes")).hasSize(4);
  }

  @Test
  void convergedClusterPlansNothingAndExitsZero() {
    cluster.namespace("user-example-com").serviceAccount("user-example-com", "default");
    EngineCli cli = new EngineCli(tmp, cluster);
    assertThat(cli.run("run").exit()).isZero();

    CommandRun plan = cli.run("plan");

    assertThat(plan.exit()).isZero();
    assertThat(plan.out()).contains("no changes");
  }

  @Test
  void invalidRevisionExitsTwo() {
    EngineCli cli = new EngineCli(tmp, cluster);
    cli.repo
        .write("pull-secret.yaml", EngineCli.PULL_SECRET.replace("[harbor]", "[nope]"))
        .commit("typo");

    CommandRun plan = cli.run("plan");

    assertThat(plan.exit()).isEqualTo(2);
    assertThat(plan.err()).contains("pull-secret.yaml:").doesNotContain("\tat ");
  }

  @Test
  void unknownFormatIsInvalidInput() {
    CommandRun plan = CommandRun.of("", "plan", "--repo", tmp.toString(), "--format", "yaml");

    assertThat(plan.exit()).isEqualTo(2);
    assertThat(plan.err()).contains("--format");
  }
}
