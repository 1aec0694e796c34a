package dev.pullsync.report;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.plan.Policy;
import dev.pullsync.spec.Mode;
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
 * Reports the real engine produces (created, in sync, conflict, pending, drift in report mode,
 * invalid revision) render to schema-valid YAML and to Markdown without a credential.
 */
class EngineReportsMatchTheSchemaTest {
  @TempDir Path tmp;
  private final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void everyReportOfAScenarioIsSchemaValid() {
    cluster.namespace("team-a").serviceAccount("team-a", "default");
    cluster.namespace("team-b").serviceAccount("team-b", "default");
    cluster.namespace("team-c");
    cluster
        .client()
        .secrets()
        .inNamespace("team-b")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("harbor-credentials")
                .endMetadata()
                .withType("kubernetes.io/dockerconfigjson")
                .withData(Map.of(".dockerconfigjson", "e30="))
                .build())
        .create();
    Fixtures enforce =
        Fixtures.spec()
            .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
            .pullSecret(
                pullSecret("harbor-credentials", "harbor")
                    .patterns("team-*")
                    .serviceAccounts("default", "builder"));
    Fixtures reportOnly =
        Fixtures.spec()
            .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY + "-rotated", null)
            .pullSecret(
                pullSecret("harbor-credentials", "harbor").patterns("team-*").mode(Mode.REPORT));
    try (TestEngine engine = new TestEngine(cluster, tmp, Policy.defaults()).commit(enforce)) {
      engine.runOnce();
      engine.runOnce();
      engine.commit(reportOnly).runOnce();
      engine.commitInvalid().runOnce();
      List<Report> reports = engine.published();

      assertThat(reports).hasSize(4);
      assertThat(reports)
          .flatExtracting(Report::entries)
          .extracting(e -> e.action())
          .contains("create", "link", "conflict", "pending", "noop", "update");
      for (Report report : reports) {
        ReportFiles files = ReportFiles.of(report);
        assertThat(ReportSchema.errors(files.yaml())).as(files.yaml()).isEmpty();
        assertThat(files.yaml() + files.markdown()).doesNotContain(Fixtures.CANARY);
      }
    }
  }
}
