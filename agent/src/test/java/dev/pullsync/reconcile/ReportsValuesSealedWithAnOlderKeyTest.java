package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.report.Report;
import dev.pullsync.report.ReportFiles;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import dev.pullsync.unseal.KeyAge;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report (YAML and Markdown) carries the unseal stage's key-age notice, without changing the
 * result: old values still open, so the cluster is in sync.
 */
class ReportsValuesSealedWithAnOlderKeyTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void theReportSaysToReseal() {
    cluster.namespace("user-example-com").serviceAccount("user-example-com", "default");
    Fixtures spec =
        Fixtures.seed()
            .pullSecret(pullSecret("other", "harbor").names("user-example-com"))
            .keyAge(new KeyAge(3, Optional.of("0123456789abcdef")));
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec)) {
      Report report = engine.runOnce();

      String notice =
          "3 values sealed with a key older than the active one (0123456789abcdef); run"
              + " `pullsync reseal`";
      assertThat(report.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(report.notices()).containsExactly(notice);
      ReportFiles files = ReportFiles.of(report);
      assertThat(files.yaml()).contains("notices:", notice);
      assertThat(files.markdown()).contains("## Notices", notice);
    }
  }
}
