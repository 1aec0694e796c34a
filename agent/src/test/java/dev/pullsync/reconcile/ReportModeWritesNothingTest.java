package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.plan.Policy;
import dev.pullsync.report.Report;
import dev.pullsync.spec.Mode;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report mode, agent-wide or per PullSecret, plans and reports drift but sends no write. */
class ReportModeWritesNothingTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void agentWideReportModeOnlyReports() {
    cluster
        .namespace("user-example-com")
        .serviceAccount("user-example-com", "default", "other-registry");
    cluster.clearRequests();
    try (TestEngine engine =
        new TestEngine(cluster, tmp, new Policy(Mode.REPORT, true, 0.25)).commit(Fixtures.seed())) {
      Report report = engine.runOnce();

      assertThat(cluster.writes()).isEmpty();
      assertThat(report.result()).isEqualTo(Report.Result.DRIFTED);
      assertThat(report.entries())
          .extracting(Report.Entry::action, Report.Entry::status)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("create", "planned"),
              org.assertj.core.groups.Tuple.tuple("link", "planned"));
      assertThat(cluster.pullSecretsOf("user-example-com", "default"))
          .containsExactly("other-registry");
    }
  }

  @Test
  void perPullSecretReportModeLeavesOthersEnforced() {
    cluster.namespace("ns").serviceAccount("ns", "default");
    Fixtures spec =
        Fixtures.spec()
            .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
            .pullSecret(pullSecret("watched", "harbor").names("ns").mode(Mode.REPORT))
            .pullSecret(pullSecret("enforced", "harbor").names("ns"));
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec)) {
      engine.runOnce();

      assertThat(cluster.client().secrets().inNamespace("ns").withName("watched").get()).isNull();
      assertThat(cluster.client().secrets().inNamespace("ns").withName("enforced").get())
          .isNotNull();
      assertThat(cluster.pullSecretsOf("ns", "default")).containsExactly("enforced");
    }
  }
}
