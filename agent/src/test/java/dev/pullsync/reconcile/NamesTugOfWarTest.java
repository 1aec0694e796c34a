package dev.pullsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another controller that keeps stripping our entry (as an Argo CD sync of the ServiceAccount
 * would) is named in the report after three repairs in a row, not fought silently.
 */
class NamesTugOfWarTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void repeatedRepairIsNamed() {
    cluster
        .namespace("user-example-com")
        .serviceAccount("user-example-com", "default", "other-registry");
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(Fixtures.seed())) {
      engine.runOnce();
      Report last = null;
      for (int round = 1; round <= 3; round++) {
        strip(engine);
        last = engine.runOnce();
        Report current = last;
        assertThat(current.entries())
            .filteredOn(e -> e.kind().equals("ServiceAccount"))
            .singleElement()
            .satisfies(e -> assertThat(e.drift()).contains("unlinked"));
      }
      assertThat(last.entries())
          .filteredOn(e -> e.kind().equals("ServiceAccount"))
          .singleElement()
          .satisfies(e -> assertThat(e.reason()).contains("tug-of-war", "3 reconciles in a row"));

      Report calm = engine.runOnce();
      assertThat(calm.entries()).noneMatch(e -> e.reason().contains("tug-of-war"));
    }
  }

  private void strip(TestEngine engine) {
    ServiceAccount sa =
        cluster
            .client()
            .serviceAccounts()
            .inNamespace("user-example-com")
            .withName("default")
            .get();
    sa.setImagePullSecrets(
        List.of(new io.fabric8.kubernetes.api.model.LocalObjectReference("other-registry")));
    cluster.client().serviceAccounts().inNamespace("user-example-com").resource(sa).update();
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(
            () ->
                engine.view().serviceAccountInformer().getStore().list().stream()
                    .filter(s -> s.getMetadata().getName().equals("default"))
                    .allMatch(s -> s.getImagePullSecrets().size() == 1));
  }
}
