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

/**
 * A ServiceAccount named exactly in the spec that does not exist is pending: never created, and
 * linked by the event that reports it.
 */
class ReportsMissingServiceAccountAsPendingTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void missingServiceAccountIsPendingUntilItAppears() {
    cluster.namespace("ns").serviceAccount("ns", "default");
    Fixtures spec =
        Fixtures.spec()
            .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
            .pullSecret(
                pullSecret("harbor-credentials", "harbor")
                    .names("ns")
                    .serviceAccounts("default", "builder"));
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec)) {
      Report first = engine.runOnce();

      assertThat(first.result()).isEqualTo(Report.Result.DEGRADED);
      assertThat(first.counts().pending()).isEqualTo(1);
      assertThat(first.entries())
          .anySatisfy(
              e -> {
                assertThat(e.name()).isEqualTo("builder");
                assertThat(e.action()).isEqualTo("pending");
              });
      assertThat(cluster.client().serviceAccounts().inNamespace("ns").withName("builder").get())
          .isNull();

      cluster.serviceAccount("ns", "builder", "mine");
      engine.awaitServiceAccount("ns", "builder");
      Report second = engine.run(Trigger.namespaces("serviceaccount-event", Set.of("ns")));

      assertThat(second.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(cluster.pullSecretsOf("ns", "builder"))
          .containsExactly("mine", "harbor-credentials");
    }
  }
}
