package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.kubernetes.api.model.Namespace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled reconciles of a quiet cluster reuse the last plan, yet a change made behind the agent's
 * back between two of them is seen by the next: a deleted Secret is created again, a namespace that
 * gains the selected label gets its Secret.
 */
class QuietTicksStillSeeEveryChangeTest {
  static final Map<String, String> PROFILE = Map.of("app.kubernetes.io/part-of", "profile");

  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void changesBetweenQuietTicksAreReconciled() {
    cluster
        .namespace("alice", PROFILE)
        .namespace("bob")
        .serviceAccount("alice", "default")
        .serviceAccount("bob", "default");
    Fixtures spec =
        Fixtures.spec()
            .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
            .pullSecret(pullSecret("harbor-credentials", "harbor").selector(PROFILE));
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec)) {
      engine.runOnce();
      engine.runOnce();
      cluster.clearRequests();
      Report quiet = engine.runOnce();
      assertThat(quiet.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(cluster.writes()).isEmpty();

      cluster.client().secrets().inNamespace("alice").withName("harbor-credentials").delete();
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> engine.view().managedSecretInformer().getStore().list().isEmpty());
      engine.runOnce();
      assertThat(secretNamespaces()).containsExactly("alice");

      label("bob");
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  engine.view().namespaceInformer().getStore().list().stream()
                      .filter(n -> n.getMetadata().getName().equals("bob"))
                      .allMatch(
                          n ->
                              n.getMetadata()
                                  .getLabels()
                                  .containsKey("app.kubernetes.io/part-of")));
      engine.runOnce();
      assertThat(secretNamespaces()).containsExactlyInAnyOrder("alice", "bob");
    }
  }

  private void label(String name) {
    Namespace ns = cluster.client().namespaces().withName(name).get();
    Map<String, String> labels = new HashMap<>(ns.getMetadata().getLabels());
    labels.putAll(PROFILE);
    ns.getMetadata().setLabels(labels);
    cluster.client().namespaces().resource(ns).update();
  }

  private List<String> secretNamespaces() {
    return cluster.client().secrets().inAnyNamespace().list().getItems().stream()
        .map(s -> s.getMetadata().getNamespace())
        .toList();
  }
}
