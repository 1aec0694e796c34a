package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.desired.Ownership;
import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upgrade: a Secret and a ServiceAccount annotation written by the version without instances
 * are adopted, on the first run, by the instance that wants them, with a report line each; the
 * second run writes nothing.
 */
class AdoptsObjectsOfTheVersionWithoutInstancesTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void firstRunAdoptsLegacySecretAndAnnotation() {
    cluster.namespace("a");
    cluster
        .client()
        .serviceAccounts()
        .inNamespace("a")
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withNamespace("a")
                .withName("default")
                .addToAnnotations(Ownership.OWNED_PULL_SECRETS, "harbor-credentials")
                .endMetadata()
                .addNewImagePullSecret("harbor-credentials")
                .build())
        .create();
    cluster
        .client()
        .secrets()
        .inNamespace("a")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withNamespace("a")
                .withName("harbor-credentials")
                .addToLabels(Ownership.MANAGED_BY_LABEL, Ownership.MANAGED_BY_VALUE)
                .addToLabels(Ownership.PULL_SECRET_LABEL, "harbor-credentials")
                .endMetadata()
                .withType(Ownership.SECRET_TYPE)
                .addToData(Ownership.DOCKER_CONFIG_KEY, "e30=")
                .build())
        .create();
    Fixtures spec =
        Fixtures.spec()
            .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
            .pullSecret(pullSecret("harbor-credentials", "harbor").names("a"));
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec)) {
      Report first = engine.runOnce();

      assertThat(first.entries())
          .anySatisfy(
              e -> {
                assertThat(e.kind()).isEqualTo("Secret");
                assertThat(e.action()).isEqualTo("update");
                assertThat(e.reason())
                    .contains("written by a pullsync version without instances; adopted");
              })
          .anySatisfy(
              e -> {
                assertThat(e.kind()).isEqualTo("ServiceAccount");
                assertThat(e.action()).isEqualTo("link");
                assertThat(e.reason()).contains("taken over from the annotation");
              });
      Secret s = cluster.client().secrets().inNamespace("a").withName("harbor-credentials").get();
      assertThat(s.getMetadata().getLabels())
          .containsEntry(Ownership.INSTANCE_LABEL, TestEngine.INSTANCE.name());
      Map<String, String> annotations =
          cluster
              .client()
              .serviceAccounts()
              .inNamespace("a")
              .withName("default")
              .get()
              .getMetadata()
              .getAnnotations();
      assertThat(annotations)
          .containsEntry(Ownership.ownedKey(TestEngine.INSTANCE), "harbor-credentials")
          .doesNotContainKey(Ownership.OWNED_PULL_SECRETS);
      assertThat(cluster.pullSecretsOf("a", "default")).containsExactly("harbor-credentials");

      cluster.clearRequests();
      Report second = engine.runOnce();

      assertThat(second.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(cluster.writes()).isEmpty();
    }
  }
}
