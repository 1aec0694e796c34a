package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.desired.Ownership;
import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone edits our ownership annotation to name a foreign entry: pullsync keeps the entry (its
 * Secret is not ours), repairs the annotation and reports "entry kept: the Secret it names is not
 * ours".
 */
class ReleasesEntryWhoseSecretIsNotOursTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void foreignEntryNamedInOurAnnotationIsKept() {
    cluster.namespace("ns").serviceAccount("ns", "default");
    Fixtures spec =
        Fixtures.spec()
            .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
            .pullSecret(pullSecret("harbor-credentials", "harbor").names("ns"));
    String key = Ownership.ownedKey(TestEngine.INSTANCE);
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec)) {
      engine.runOnce();
      cluster
          .client()
          .secrets()
          .inNamespace("ns")
          .resource(
              new SecretBuilder()
                  .withNewMetadata()
                  .withName("team-creds")
                  .endMetadata()
                  .addToStringData("token", "x")
                  .build())
          .create();
      ServiceAccount sa =
          cluster.client().serviceAccounts().inNamespace("ns").withName("default").get();
      cluster
          .client()
          .serviceAccounts()
          .inNamespace("ns")
          .resource(
              new ServiceAccountBuilder(sa)
                  .addNewImagePullSecret("team-creds")
                  .editMetadata()
                  .addToAnnotations(key, "harbor-credentials,team-creds")
                  .endMetadata()
                  .build())
          .update();
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(10))
          .until(
              () ->
                  engine
                      .view()
                      .cachedServiceAccount(new dev.pullsync.desired.Ref("ns", "default"))
                      .map(a -> a.getImagePullSecrets().size() == 2)
                      .orElse(false));

      Report report = engine.runOnce();

      assertThat(cluster.pullSecretsOf("ns", "default"))
          .containsExactly("harbor-credentials", "team-creds");
      ServiceAccount after =
          cluster.client().serviceAccounts().inNamespace("ns").withName("default").get();
      assertThat(after.getMetadata().getAnnotations()).containsEntry(key, "harbor-credentials");
      assertThat(report.entries())
          .anySatisfy(
              e -> {
                assertThat(e.name()).isEqualTo("default");
                assertThat(e.action()).isEqualTo("release");
                assertThat(e.reason()).contains("entry kept: the Secret it names is not ours");
              });
      assertThat(report.counts().unlinked()).isZero();
    }
  }
}
