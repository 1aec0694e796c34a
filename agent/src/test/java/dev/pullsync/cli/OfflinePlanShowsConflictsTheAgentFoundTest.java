package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.testkit.MockCluster;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person's Secret of the wanted name, which the agent found in its way, is published in the
 * inventory's {@code foreignSecrets}; an offline plan of the same spec then shows it as the
 * conflict the live plan shows (no write, so exit 0), with no cluster left to ask.
 */
class OfflinePlanShowsConflictsTheAgentFoundTest {
  @TempDir Path tmp;

  @Test
  void aForeignSecretTheAgentMetIsAConflictOffline() throws Exception {
    EngineCli agent;
    try (MockCluster cluster = new MockCluster()) {
      cluster.namespace("user-example-com").serviceAccount("user-example-com", "default");
      cluster.namespace("team-b").serviceAccount("team-b", "default");
      cluster
          .client()
          .secrets()
          .inNamespace("team-b")
          .resource(
              new SecretBuilder()
                  .withNewMetadata()
                  .withName("harbor-credentials")
                  .endMetadata()
                  .withType("kubernetes.io/dockerconfigjson")
                  .withData(Map.of(".dockerconfigjson", "e30="))
                  .build())
          .create();
      agent = new EngineCli(tmp, cluster);
      CommandRun run = agent.run("run", "--report-branch", "pullsync-status");
      assertThat(run.out()).contains("conflict");
    }
    try (Git git = Git.open(agent.repo.dir().toFile())) {
      var id = git.getRepository().resolve("pullsync-status:status/test.inventory.yaml");
      String inventory = new String(git.getRepository().open(id).getBytes());
      assertThat(inventory).contains("foreignSecrets:", "namespace: team-b");
    }

    CommandRun plan =
        CommandRun.of(
            "",
            "plan",
            "--repo",
            agent.repo.dir().toString(),
            "--offline-from",
            "pullsync-status",
            "--cluster",
            "test",
            "--format",
            "markdown");

    assertThat(plan.exit()).as(plan.err()).isZero();
    assertThat(plan.out())
        .contains(
            "| team-b | Secret harbor-credentials | conflict | foreign | a Secret of this name exists"
                + " and is not managed by pullsync (adopt: never); left alone |")
        .doesNotContain("| user-example-com |");
  }
}
