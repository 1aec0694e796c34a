package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl get secret -o yaml | sed 's/namespace: a/namespace: b/' | kubectl apply -f -}
 * carries our labels into namespace b, but the annotation still says the Secret was made for a: the
 * copy is not ours and is never pruned.
 */
class HandCopiedSecretIsNotOursTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void copyIntoAnotherNamespaceSurvivesPrune() {
    cluster.namespace("a").serviceAccount("a", "default");
    cluster.namespace("b").serviceAccount("b", "default");
    Fixtures spec =
        Fixtures.spec()
            .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
            .pullSecret(pullSecret("harbor-credentials", "harbor").names("a"));
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec)) {
      engine.runOnce();
      Secret ours =
          cluster.client().secrets().inNamespace("a").withName("harbor-credentials").get();
      Secret copy =
          new SecretBuilder(ours)
              .withMetadata(
                  new ObjectMetaBuilder()
                      .withNamespace("b")
                      .withName("harbor-credentials")
                      .withLabels(ours.getMetadata().getLabels())
                      .withAnnotations(ours.getMetadata().getAnnotations())
                      .build())
              .build();
      cluster.client().secrets().inNamespace("b").resource(copy).create();
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(10))
          .until(
              () ->
                  engine
                      .view()
                      .cachedSecret(new dev.pullsync.desired.Ref("b", "harbor-credentials"))
                      .isPresent());

      Report report = engine.runOnce();

      assertThat(report.counts().deleted()).isZero();
      assertThat(report.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(cluster.client().secrets().inNamespace("b").withName("harbor-credentials").get())
          .isNotNull();
    }
  }
}
