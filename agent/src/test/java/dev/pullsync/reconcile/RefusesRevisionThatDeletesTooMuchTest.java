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

/**
 * A revision that would delete more than 25% of the managed Secrets has every removal refused and
 * the report says so; its additions still go ahead.
 */
class RefusesRevisionThatDeletesTooMuchTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  static Fixtures spec(String... namespaces) {
    return Fixtures.spec()
        .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
        .pullSecret(pullSecret("harbor-credentials", "harbor").names(namespaces));
  }

  @Test
  void deletingTwoOfFourIsRefusedWhileANewNamespaceIsStillServed() {
    for (String ns : new String[] {"a", "b", "c", "d", "new"}) {
      cluster.namespace(ns).serviceAccount(ns, "default");
    }
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec("a", "b", "c", "d"))) {
      engine.runOnce();
      engine.commit(spec("a", "b", "new"));
      cluster.clearRequests();

      Report report = engine.runOnce();

      assertThat(report.result()).isEqualTo(Report.Result.FAILED);
      assertThat(report.errors()).singleElement().asString().contains("deletion guard", "2 of 4");
      assertThat(report.counts().deleted()).isZero();
      assertThat(report.counts().unlinked()).isZero();
      assertThat(cluster.client().secrets().inNamespace("c").withName("harbor-credentials").get())
          .isNotNull();
      assertThat(cluster.pullSecretsOf("d", "default")).containsExactly("harbor-credentials");
      assertThat(cluster.client().secrets().inNamespace("new").withName("harbor-credentials").get())
          .isNotNull();
      assertThat(cluster.writes()).noneMatch(w -> w.startsWith("DELETE"));
    }
  }

  @Test
  void aHigherShareLetsTheSameRevisionThrough() {
    for (String ns : new String[] {"a", "b", "c", "d"}) {
      cluster.namespace(ns).serviceAccount(ns, "default");
    }
    try (TestEngine engine =
        new TestEngine(cluster, tmp, new Policy(Mode.ENFORCE, true, 0.5))
            .commit(spec("a", "b", "c", "d"))) {
      engine.runOnce();
      engine.commit(spec("a", "b"));

      Report report = engine.runOnce();

      assertThat(report.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(report.counts().deleted()).isEqualTo(2);
    }
  }
}
