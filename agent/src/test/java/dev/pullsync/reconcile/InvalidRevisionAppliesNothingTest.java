package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A revision that fails to load applies nothing: with no good revision yet nothing is written;
 * after a good one, that one keeps being enforced (drift still repaired) and the report says why.
 */
class InvalidRevisionAppliesNothingTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void firstRevisionInvalidWritesNothing() {
    cluster.namespace("user-example-com").serviceAccount("user-example-com", "default");
    cluster.clearRequests();
    try (TestEngine engine = new TestEngine(cluster, tmp).commitInvalid()) {
      Report report = engine.runOnce();

      assertThat(report.result()).isEqualTo(Report.Result.FAILED);
      assertThat(report.appliedRevision()).isEmpty();
      assertThat(report.errors())
          .singleElement()
          .asString()
          .contains("not applied", "pullsecrets.yaml:3: spec.namespaces: broken");
      assertThat(cluster.writes()).isEmpty();
    }
  }

  @Test
  void lastGoodRevisionKeepsBeingEnforced() {
    cluster.namespace("user-example-com").serviceAccount("user-example-com", "default");
    cluster.namespace("later").serviceAccount("later", "default");
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(Fixtures.seed())) {
      Report good = engine.runOnce();
      engine.commitInvalid();
      cluster
          .client()
          .secrets()
          .inNamespace("user-example-com")
          .withName("harbor-credentials")
          .delete();

      Report report = engine.runOnce();

      assertThat(report.result()).isEqualTo(Report.Result.FAILED);
      assertThat(report.revision()).isNotEqualTo(good.revision());
      assertThat(report.appliedRevision()).contains(good.revision());
      assertThat(report.counts().created()).isEqualTo(1);
      assertThat(
              cluster
                  .client()
                  .secrets()
                  .inNamespace("user-example-com")
                  .withName("harbor-credentials")
                  .get())
          .isNotNull();

      engine.commit(Fixtures.seed().pullSecret(pullSecret("more", "harbor").names("later")));
      Report fixed = engine.runOnce();

      assertThat(fixed.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(fixed.appliedRevision()).contains(fixed.revision());
      assertThat(fixed.errors()).isEmpty();
    }
  }
}
