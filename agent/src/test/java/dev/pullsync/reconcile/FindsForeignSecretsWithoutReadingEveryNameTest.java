package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollout reads no Secret by name: creates go out blind and a foreign Secret is found from the
 * create's 409 (then read once). Later reconciles remember that Secret as it was (re-read only
 * after ClusterView.FOREIGN_RECHECK), so a converged cluster costs no request, even with foreign
 * Secrets in the way.
 */
class FindsForeignSecretsWithoutReadingEveryNameTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void rolloutReadsOnlyTheCollidingNameOnceAndLaterTicksReadNothing() {
    for (String ns : List.of("team-a", "team-b", "team-c")) {
      cluster.namespace(ns).serviceAccount(ns, "default");
    }
    cluster
        .client()
        .secrets()
        .inNamespace("team-b")
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
    Fixtures spec =
        Fixtures.spec()
            .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
            .pullSecret(pullSecret("harbor-credentials", "harbor").patterns("team-*"));
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec)) {
      engine.view().start();
      cluster.clearRequests();

      Report first = engine.runOnce();

      assertThat(first.counts().conflicts()).isEqualTo(2);
      assertThat(first.counts().created()).isEqualTo(2);
      assertThat(namedSecretReads())
          .containsExactly("GET /api/v1/namespaces/team-b/secrets/harbor-credentials");
      assertThat(cluster.writes().stream().filter(w -> w.startsWith("POST")).count()).isEqualTo(3);
      assertThat(cluster.pullSecretsOf("team-b", "default")).isEmpty();

      awaitCaches(engine);
      cluster.clearRequests();
      Report second = engine.runOnce();

      assertThat(second.counts().conflicts()).isEqualTo(2);
      assertThat(cluster.requests()).as("the foreign Secret is remembered, not re-read").isEmpty();
    }
  }

  private List<String> namedSecretReads() {
    return cluster.requests().stream()
        .filter(r -> r.startsWith("GET ") && r.contains("/secrets/"))
        .toList();
  }

  private static void awaitCaches(TestEngine engine) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(
            () ->
                engine.plan().changes().stream()
                    .noneMatch(c -> c.toApply() && c.kind() != dev.pullsync.plan.Kind.NAMESPACE));
  }
}
