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
 * basic-auth Secrets are pruned like pull secrets when their namespace leaves the spec, and count
 * for the deletion guard: removing too many at once is refused.
 */
class PrunesAndGuardsServiceSecretsTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  static Fixtures spec(String... namespaces) {
    return Fixtures.spec()
        .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
        .pullSecret(pullSecret("harbor-login", "harbor").names(namespaces).basicAuth());
  }

  @Test
  void namespaceLeavingTheSpecLosesItsSecret() {
    for (String ns : new String[] {"a", "b", "c", "d", "e"}) {
      cluster.namespace(ns);
    }
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec("a", "b", "c", "d", "e"))) {
      engine.runOnce();
      engine.commit(spec("a", "b", "c", "d"));

      Report report = engine.runOnce();

      assertThat(report.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(report.counts().deleted()).isEqualTo(1);
      assertThat(cluster.client().secrets().inNamespace("e").withName("harbor-login").get())
          .isNull();
      assertThat(cluster.client().secrets().inNamespace("a").withName("harbor-login").get())
          .isNotNull();
    }
  }

  @Test
  void removingTooManyIsRefused() {
    for (String ns : new String[] {"a", "b", "c", "d"}) {
      cluster.namespace(ns);
    }
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec("a", "b", "c", "d"))) {
      engine.runOnce();
      engine.commit(spec("a", "b"));

      Report report = engine.runOnce();

      assertThat(report.result()).isEqualTo(Report.Result.FAILED);
      assertThat(report.errors()).singleElement().asString().contains("deletion guard", "2 of 4");
      assertThat(cluster.client().secrets().inNamespace("d").withName("harbor-login").get())
          .isNotNull();
    }
  }
}
