package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exclude} and the {@code pullsync.dev/exclude: "true"} annotation win over every include;
 * terminating namespaces are skipped; a listed namespace that does not exist is reported, not
 * created.
 */
class HonoursExclusionAndOptOutTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void excludedOptedOutAndTerminatingNamespacesGetNothing() {
    cluster.namespace("team-a").namespace("team-excluded").namespace("kube-team");
    cluster
        .client()
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName("team-optout")
                .addToAnnotations("pullsync.dev/exclude", "true")
                .endMetadata()
                .build())
        .create();
    cluster
        .client()
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName("team-dying")
                .endMetadata()
                .withNewStatus()
                .withPhase("Terminating")
                .endStatus()
                .build())
        .create();
    Fixtures spec =
        Fixtures.spec()
            .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
            .pullSecret(
                pullSecret("harbor-credentials", "harbor")
                    .names("kube-team", "team-missing")
                    .patterns("team-*")
                    .exclude("team-excluded", "kube-*"));
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec)) {
      Report report = engine.runOnce();

      assertThat(secretNamespaces()).containsExactly("team-a");
      assertThat(cluster.client().namespaces().withName("team-missing").get()).isNull();
      assertThat(report.entries())
          .anySatisfy(
              e -> {
                assertThat(e.namespace()).isEqualTo("team-missing");
                assertThat(e.kind()).isEqualTo("Namespace");
                assertThat(e.status()).isEqualTo("pending");
                assertThat(e.reason()).contains("does not exist");
              });
    }
  }

  private List<String> secretNamespaces() {
    return cluster.client().secrets().inAnyNamespace().list().getItems().stream()
        .map(s -> s.getMetadata().getNamespace())
        .toList();
  }
}
