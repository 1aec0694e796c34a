package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.desired.Ownership;
import dev.pullsync.testkit.MockCluster;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Secret still carrying a fingerprint of the earlier, key-ring-keyed scheme (an upgraded cluster)
 * is not rewritten by the agent; its inventory entry still gets the source digest, since the
 * reconcile compared its data byte for byte, so an unchanged pull request plans nothing offline
 * instead of "not comparable" for every such Secret.
 */
class OfflinePlanAfterUpgradeFromV1FingerprintsTest {
  @TempDir Path tmp;

  @Test
  void aV1PrintedSecretIsComparableOffline() throws Exception {
    EngineCli agent;
    try (MockCluster cluster = new MockCluster()) {
      cluster.namespace("user-example-com").serviceAccount("user-example-com", "default");
      agent = new EngineCli(tmp, cluster);
      assertThat(agent.run("run", "--report-branch", "pullsync-status").exit()).isZero();
      Secret s =
          cluster
              .client()
              .secrets()
              .inNamespace("user-example-com")
              .withName("harbor-credentials")
              .get();
      s.getMetadata()
          .getAnnotations()
          .put(Ownership.FINGERPRINT, "hmac-sha256:0123456789abcdef0123456789abcdef");
      cluster.client().secrets().inNamespace("user-example-com").resource(s).update();
      CommandRun again = agent.run("run", "--report-branch", "pullsync-status");
      assertThat(again.exit()).as(again.err()).isZero();
      assertThat(again.out()).contains("updated 0");
    }
    try (Git git = Git.open(agent.repo.dir().toFile())) {
      var id = git.getRepository().resolve("pullsync-status:status/test.inventory.yaml");
      assertThat(new String(git.getRepository().open(id).getBytes()))
          .contains("fingerprint: hmac-sha256:0123456789abcdef0123456789abcdef")
          .contains("sourceDigest: sha256-sources-v1:");
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
            "test");

    assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
    assertThat(plan.out()).contains("no changes");
  }
}
