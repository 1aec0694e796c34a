package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A label selector on Namespaces picks exactly the labelled ones. */
class SelectsNamespacesByLabelTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void onlyNamespacesWithTheLabelGetTheSecret() {
    Map<String, String> profile = Map.of("app.kubernetes.io/part-of", "kubeflow-profile");
    cluster
        .namespace("alice", profile)
        .namespace("bob", profile)
        .namespace("kube-system", Map.of("app.kubernetes.io/part-of", "other"));
    Fixtures spec =
        Fixtures.spec()
            .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
            .pullSecret(pullSecret("harbor-credentials", "harbor").selector(profile));
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec)) {
      engine.runOnce();

      assertThat(secretNamespaces()).containsExactlyInAnyOrder("alice", "bob");
    }
  }

  private java.util.List<String> secretNamespaces() {
    return cluster.client().secrets().inAnyNamespace().list().getItems().stream()
        .map(s -> s.getMetadata().getNamespace())
        .toList();
  }
}
