package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.report.Report;
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
 * An Opaque Secret follows a password rotation, names the key that changed (never the value), is
 * repaired when edited by hand, and a same-name Secret someone else made is a conflict left alone.
 */
class RotatesAndRepairsOpaqueSecretTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  static Fixtures spec(String password) {
    return Fixtures.spec()
        .registry("harbor", Fixtures.HARBOR, "admin", password, null)
        .pullSecret(
            pullSecret("harbor-credentials", "harbor")
                .patterns("kubeflow*")
                .opaque(Map.of("HARBOR_USERNAME", "username", "HARBOR_PASSWORD", "password")));
  }

  @Test
  void rotationUpdatesTheKeyThatChanged() {
    cluster.namespace("kubeflow").namespace("kubeflow-b");
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec("old-password"))) {
      engine.runOnce();
      engine.commit(spec(Fixtures.CANARY));

      Report report = engine.runOnce();

      assertThat(report.counts().updated()).isEqualTo(2);
      assertThat(report.entries())
          .filteredOn(e -> e.action().equals("update"))
          .allSatisfy(e -> assertThat(e.reason()).isEqualTo("key HARBOR_PASSWORD differs"));
      assertThat(password("kubeflow")).isEqualTo(Fixtures.CANARY);
      assertThat(password("kubeflow-b")).isEqualTo(Fixtures.CANARY);
      assertThat(report.toString()).doesNotContain(Fixtures.CANARY);
    }
  }

  @Test
  void handEditIsRepairedAsModifiedDrift() {
    cluster.namespace("kubeflow");
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec(Fixtures.CANARY))) {
      engine.runOnce();
      Secret s = cluster.client().secrets().inNamespace("kubeflow").withName(NAME).get();
      s.getData().put("HARBOR_PASSWORD", "d3Jvbmc=");
      s.getData().put("EXTRA", "eA==");
      cluster.client().secrets().inNamespace("kubeflow").resource(s).update();

      Report report = engine.runOnce();

      assertThat(report.entries())
          .anySatisfy(
              e -> {
                assertThat(e.action()).isEqualTo("update");
                assertThat(e.drift()).contains("modified");
                assertThat(e.reason())
                    .isEqualTo("unexpected key EXTRA; key HARBOR_PASSWORD differs");
              });
      assertThat(password("kubeflow")).isEqualTo(Fixtures.CANARY);
      assertThat(cluster.client().secrets().inNamespace("kubeflow").withName(NAME).get().getData())
          .doesNotContainKey("EXTRA");
    }
  }

  @Test
  void foreignSameNameSecretIsAConflictLeftAlone() {
    cluster.namespace("kubeflow");
    cluster
        .client()
        .secrets()
        .inNamespace("kubeflow")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(NAME)
                .endMetadata()
                .withType("Opaque")
                .withData(Map.of("HARBOR_PASSWORD", "dGhlaXJz"))
                .build())
        .create();
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec(Fixtures.CANARY))) {
      Report report = engine.runOnce();

      assertThat(report.counts().conflicts()).isEqualTo(1);
      assertThat(password("kubeflow")).isEqualTo("theirs");
    }
  }

  private static final String NAME = "harbor-credentials";

  private String password(String namespace) {
    Secret s = cluster.client().secrets().inNamespace(namespace).withName(NAME).get();
    return WritesSecretsForServicesThatLogInThemselvesTest.decoded(s).get("HARBOR_PASSWORD");
  }
}
