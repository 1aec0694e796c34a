package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.testkit.MockCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A revision holding a {@code sealedSecretFile} sealed for another team's namespace is refused as a
 * whole by the agent (real loader, real repository, {@code --namespace}): nothing of it is applied,
 * not even the Registries that are fine, and the problem names the namespace it was sealed for.
 */
class RunRefusesSealedFileForAnotherNamespaceTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void nothingOfTheRevisionIsApplied() {
    cluster.namespace("user-example-com").serviceAccount("user-example-com", "default");
    EngineCli cli = new EngineCli(tmp, cluster);
    cli.repo
        .write(
            "sealed/team-a.yaml",
            "apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n"
                + "  name: team-a-pull\n  namespace: team-a\n  annotations:\n"
                + "    sealedsecrets.bitnami.com/namespace-wide: \"true\"\n"
                + "spec:\n  encryptedData:\n    .dockerconfigjson: "
                + cli.repo.seal("{\"auths\":{}}")
                + "\n")
        .write(
            "ghcr.yaml",
            "apiVersion: pullsync.dev/v1alpha1\nkind: Registry\nmetadata:\n  name: ghcr\n"
                + "spec:\n  server: ghcr.io\n  sealedSecretFile: sealed/team-a.yaml\n")
        .commit("a SealedSecret copied from team-a");
    cluster.clearRequests();

    CommandRun run = cli.run("run", "--namespace", "pullsync");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).contains("not applied");
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith(
            "sealed/team-a.yaml:5: metadata.namespace: sealed namespace-wide for namespace"
                + " \"team-a\", not the agent's namespace \"pullsync\"")
        .contains("re-seal it for the agent's namespace");
    assertThat(cluster.writes()).isEmpty();
  }
}
