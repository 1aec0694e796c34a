package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A namespace created after the first reconcile gets credentials from a namespace event. */
class CoversNewNamespaceMatchingGlobTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void newNamespaceMatchingPatternIsCoveredByItsEvent() {
    cluster.namespace("team-a").serviceAccount("team-a", "default").namespace("other");
    Fixtures spec =
        Fixtures.spec()
            .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
            .pullSecret(pullSecret("harbor-credentials", "harbor").patterns("team-*"));
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec)) {
      engine.runOnce();
      cluster.namespace("team-b").serviceAccount("team-b", "default");
      engine.awaitServiceAccount("team-b", "default");
      cluster.clearRequests();

      Report report = engine.run(Trigger.namespaces("namespace-event", Set.of("team-b")));

      assertThat(report.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(engine.published()).as("only full reconciles write the report").hasSize(1);
      assertThat(report.entries()).allSatisfy(e -> assertThat(e.namespace()).isEqualTo("team-b"));
      assertThat(
              cluster.client().secrets().inNamespace("team-b").withName("harbor-credentials").get())
          .isNotNull();
      assertThat(cluster.pullSecretsOf("team-b", "default")).containsExactly("harbor-credentials");
      assertThat(cluster.client().secrets().inNamespace("other").list().getItems()).isEmpty();
      assertThat(cluster.writes())
          .containsExactly(
              "POST /api/v1/namespaces/team-b/secrets",
              "PUT /api/v1/namespaces/team-b/serviceaccounts/default");
    }
  }
}
