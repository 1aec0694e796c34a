package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.desired.Ownership;
import dev.pullsync.desired.Ref;
import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our Secret made {@code immutable: true} or retyped by someone cannot be updated: it is deleted
 * (conditionally) and recreated, and the report says so, instead of failing on every run.
 */
class ReplacesImmutableOrRetypedSecretTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void immutableAndRetypedSecretsAreReplaced() {
    cluster.namespace("a").serviceAccount("a", "default");
    cluster.namespace("b").serviceAccount("b", "default");
    Fixtures spec =
        Fixtures.spec()
            .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
            .pullSecret(pullSecret("harbor-credentials", "harbor").names("a", "b"));
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec)) {
      engine.runOnce();
      edit("a", s -> new SecretBuilder(s).withImmutable(true).addToData("extra", "eA==").build());
      edit("b", s -> new SecretBuilder(s).withType("Opaque").build());
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  engine
                              .view()
                              .cachedSecret(new Ref("a", "harbor-credentials"))
                              .get()
                              .getImmutable()
                          != null
                      && "Opaque"
                          .equals(
                              engine
                                  .view()
                                  .cachedSecret(new Ref("b", "harbor-credentials"))
                                  .get()
                                  .getType()));

      Report report = engine.runOnce();

      assertThat(report.entries())
          .filteredOn(e -> e.kind().equals("Secret"))
          .hasSize(2)
          .allSatisfy(
              e -> {
                assertThat(e.action()).isEqualTo("replace");
                assertThat(e.status()).isEqualTo("applied");
                assertThat(e.reason()).contains("deleted and recreated");
              });
      assertThat(report.counts().failed()).isZero();
      Secret a = cluster.client().secrets().inNamespace("a").withName("harbor-credentials").get();
      assertThat(a.getImmutable()).isNull();
      assertThat(a.getData()).containsOnlyKeys(Ownership.DOCKER_CONFIG_KEY);
      Secret b = cluster.client().secrets().inNamespace("b").withName("harbor-credentials").get();
      assertThat(b.getType()).isEqualTo(Ownership.SECRET_TYPE);
    }
  }

  private void edit(String ns, java.util.function.UnaryOperator<Secret> change) {
    Secret s = cluster.client().secrets().inNamespace(ns).withName("harbor-credentials").get();
    cluster.client().secrets().inNamespace(ns).resource(change.apply(s)).update();
  }
}
