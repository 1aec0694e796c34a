package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pullsync run --once} end to end: a real repository with a sealed password, the real loader
 * and unsealer, a mock cluster. Exit 0 when converged, 1 when something failed, 2 for bad input.
 */
class RunOnceCommandTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void convergesAndExitsZeroThenWritesNothing() {
    cluster
        .namespace("user-example-com")
        .serviceAccount("user-example-com", "default", "other-registry");
    EngineCli cli = new EngineCli(tmp, cluster);

    CommandRun first = cli.run("run");

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out())
        .startsWith("Synced main@sha1:")
        .contains("(cluster test, instance pullsync.test)", "created 1", "linked 1");
    Secret s =
        cluster
            .client()
            .secrets()
            .inNamespace("user-example-com")
            .withName("harbor-credentials")
            .get();
    assertThat(s.getData().get(".dockerconfigjson")).isEqualTo(dev.pullsync.testkit.Kubectl.seed());
    assertThat(cluster.pullSecretsOf("user-example-com", "default"))
        .containsExactly("other-registry", "harbor-credentials");

    cluster.clearRequests();
    CommandRun second = cli.run("run");

    assertThat(second.exit()).isZero();
    assertThat(second.out()).contains("created 0, updated 0, linked 0");
    assertThat(cluster.writes()).isEmpty();
  }

  @Test
  void writesTheReportBackToTheStatusBranch() throws Exception {
    cluster.namespace("user-example-com").serviceAccount("user-example-com", "default");
    EngineCli cli = new EngineCli(tmp, cluster);

    CommandRun run = cli.run("run", "--report-branch", "pullsync-status");

    assertThat(run.exit()).as(run.err()).isZero();
    try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(cli.repo.dir().toFile())) {
      var repo = git.getRepository();
      var id = repo.resolve("refs/heads/pullsync-status:status/test.yaml");
      assertThat(id).as("status/test.yaml on pullsync-status").isNotNull();
      String yaml = new String(repo.open(id).getBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(yaml).contains("harbor-credentials").doesNotContain(Fixtures.CANARY);
      var inventoryId = repo.resolve("refs/heads/pullsync-status:status/test.inventory.yaml");
      assertThat(inventoryId).as("status/test.inventory.yaml on pullsync-status").isNotNull();
      String inventory =
          new String(repo.open(inventoryId).getBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(inventory)
          .contains("name: user-example-com")
          .contains("- harbor-credentials")
          .contains("fingerprint: ")
          .doesNotContain(Fixtures.CANARY);
    }
  }

  @Test
  void failedWriteExitsOne() {
    cluster.namespace("user-example-com").serviceAccount("user-example-com", "default");
    cluster.fault(
        r ->
            r.getMethod().equals("POST") && r.getPath().contains("/secrets")
                ? new io.fabric8.mockwebserver.http.MockResponse()
                    .setResponseCode(403)
                    .setBody("{\"kind\":\"Status\",\"reason\":\"Forbidden\",\"code\":403}")
                : null);
    CommandRun run = new EngineCli(tmp, cluster).run("run");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .startsWith("Degraded")
        .contains("API error 403 Forbidden", "not linked: creating the Secret failed");
    assertThat(cluster.pullSecretsOf("user-example-com", "default")).isEmpty();
  }

  @Test
  void invalidSpecExitsTwoWithOneLinePerProblem() {
    EngineCli cli = new EngineCli(tmp, cluster);
    cli.repo
        .write("pull-secret.yaml", EngineCli.PULL_SECRET.replace("[harbor]", "[nope]"))
        .commit("typo");

    CommandRun run = cli.run("run");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).startsWith("Failed").contains("not applied");
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .matches("pull-secret\\.yaml:\\d+: spec\\.registries.*");
    assertThat(cluster.writes()).isEmpty();
  }

  @Test
  void missingKeyIsInvalidInput() {
    CommandRun run =
        CommandRun.of(
            "",
            "run",
            "--once",
            "--repo",
            tmp.toString(),
            "--key",
            tmp.resolve("missing.pem").toString(),
            "--kubeconfig",
            cluster.kubeconfig(tmp).toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("missing.pem").doesNotContain("Exception", "\tat ");
  }

  @Test
  void badModeIsInvalidInput() {
    CommandRun run = CommandRun.of("", "run", "--once", "--repo", tmp.toString(), "--mode", "yolo");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--mode");
    assertThat(Fixtures.CANARY).isNotEmpty();
  }
}
