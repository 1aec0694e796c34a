package dev.pullsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.Kubectl;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runbook this product replaces, end to end: namespace user-example-com whose ServiceAccount
 * default already lists other-registry. One reconcile writes the Secret exactly as kubectl renders
 * it and appends our entry; a second reconcile writes nothing.
 */
class SeedScenarioTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void secretEqualsKubectlRenderingAndOtherPullSecretsStay() {
    cluster
        .namespace("user-example-com")
        .serviceAccount("user-example-com", "default", "other-registry");
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(Fixtures.seed())) {
      Report report = engine.runOnce();

      assertThat(report.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(report.counts().created()).isEqualTo(1);
      assertThat(report.counts().linked()).isEqualTo(1);
      Secret secret =
          cluster
              .client()
              .secrets()
              .inNamespace("user-example-com")
              .withName("harbor-credentials")
              .get();
      assertThat(secret.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
      assertThat(secret.getData().get(".dockerconfigjson")).isEqualTo(Kubectl.seed());
      assertThat(secret.getMetadata().getLabels())
          .containsEntry("app.kubernetes.io/managed-by", "pullsync")
          .containsEntry("pullsync.dev/pullsecret", "harbor-credentials");
      assertThat(secret.getMetadata().getAnnotations())
          .containsEntry("pullsync.dev/source-revision", report.revision())
          .hasEntrySatisfying(
              "pullsync.dev/fingerprint", f -> assertThat(f).startsWith("hmac-sha256:"));
      assertThat(cluster.pullSecretsOf("user-example-com", "default"))
          .containsExactly("other-registry", "harbor-credentials");
    }
  }

  @Test
  void secondRunMakesZeroWrites() {
    cluster
        .namespace("user-example-com")
        .serviceAccount("user-example-com", "default", "other-registry");
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(Fixtures.seed())) {
      engine.runOnce();
      cluster.clearRequests();

      Report second = engine.runOnce();

      assertThat(second.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(cluster.writes()).isEmpty();
      assertThat(second.entries()).allSatisfy(e -> assertThat(e.action()).isEqualTo("noop"));
    }
  }
}
