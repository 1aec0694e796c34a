package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.report.Report;
import dev.pullsync.spec.Adopt;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A same-name Secret that pullsync does not own is a reported conflict and stays untouched; with
 * {@code adopt: ifUnmanaged} it is taken over (keeping its other labels).
 */
class ForeignSecretConflictAndAdoptTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  private void foreignSecret() {
    cluster.namespace("ns").serviceAccount("ns", "default");
    cluster
        .client()
        .secrets()
        .inNamespace("ns")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("harbor-credentials")
                .withLabels(Map.of("team", "theirs"))
                .endMetadata()
                .withType("kubernetes.io/dockerconfigjson")
                .withData(Map.of(".dockerconfigjson", "e30="))
                .build())
        .create();
  }

  private static Fixtures spec(Adopt adopt) {
    return Fixtures.spec()
        .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
        .pullSecret(pullSecret("harbor-credentials", "harbor").names("ns").adopt(adopt));
  }

  @Test
  void foreignSecretIsAConflictAndLeftAlone() {
    foreignSecret();
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec(Adopt.NEVER))) {
      Report report = engine.runOnce();

      assertThat(report.result()).isEqualTo(Report.Result.DRIFTED);
      assertThat(report.counts().conflicts()).isEqualTo(2);
      assertThat(report.entries())
          .anySatisfy(
              e -> {
                assertThat(e.kind()).isEqualTo("Secret");
                assertThat(e.action()).isEqualTo("conflict");
                assertThat(e.drift()).contains("foreign");
              });
      Secret s = cluster.client().secrets().inNamespace("ns").withName("harbor-credentials").get();
      assertThat(s.getData()).containsEntry(".dockerconfigjson", "e30=");
      assertThat(s.getMetadata().getLabels()).doesNotContainKey("app.kubernetes.io/managed-by");
      assertThat(cluster.pullSecretsOf("ns", "default")).isEmpty();
    }
  }

  @Test
  void adoptIfUnmanagedTakesItOver() {
    foreignSecret();
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec(Adopt.IF_UNMANAGED))) {
      Report report = engine.runOnce();

      assertThat(report.result()).isEqualTo(Report.Result.SYNCED);
      Secret s = cluster.client().secrets().inNamespace("ns").withName("harbor-credentials").get();
      assertThat(s.getMetadata().getLabels())
          .containsEntry("app.kubernetes.io/managed-by", "pullsync")
          .containsEntry("team", "theirs");
      assertThat(s.getData().get(".dockerconfigjson")).isNotEqualTo("e30=");
      assertThat(cluster.pullSecretsOf("ns", "default")).containsExactly("harbor-credentials");
      assertThat(engine.runOnce().entries())
          .allSatisfy(e -> assertThat(e.action()).isEqualTo("noop"));
    }
  }
}
