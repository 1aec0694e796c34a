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
 * A runtime error while unsealing the newest revision is retryable: the report is Failed, names the
 * revision as pending and why, keeps enforcing the previous one, and the next reconcile of the same
 * revision applies it. It is never Synced while the newest revision is not applied.
 */
class NeverReportsSyncedWhileNewestRevisionPendingTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void aRuntimeErrorInUnsealIsReportedAsPendingAndRetried() {
    cluster.namespace("user-example-com").serviceAccount("user-example-com", "default");
    cluster.namespace("later").serviceAccount("later", "default");
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(Fixtures.seed())) {
      Report good = engine.runOnce();
      assertThat(good.result()).isEqualTo(Report.Result.SYNCED);

      engine
          .commit(Fixtures.seed().pullSecret(pullSecret("more", "harbor").names("later")))
          .failNextUnseal(new IllegalStateException("boom with " + Fixtures.CANARY));
      Report pending = engine.runOnce();

      assertThat(pending.result()).isEqualTo(Report.Result.FAILED);
      assertThat(pending.revision()).isNotEqualTo(good.revision());
      assertThat(pending.appliedRevision()).contains(good.revision());
      assertThat(pending.errors())
          .singleElement()
          .asString()
          .contains("revision " + pending.revision() + " pending")
          .contains("loading or unsealing failed", "retrying with backoff")
          .doesNotContain(Fixtures.CANARY);
      assertThat(cluster.client().secrets().inNamespace("later").withName("more").get()).isNull();

      Report retried = engine.runOnce();

      assertThat(retried.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(retried.appliedRevision()).contains(pending.revision());
      assertThat(retried.errors()).isEmpty();
      assertThat(cluster.client().secrets().inNamespace("later").withName("more").get())
          .isNotNull();
    }
  }
}
