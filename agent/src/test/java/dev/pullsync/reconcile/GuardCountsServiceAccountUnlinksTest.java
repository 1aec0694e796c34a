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
 * The typo scenario: {@code serviceAccounts: [default]} becomes {@code [defualt]}. No Secret is
 * deleted, but every {@code default} would lose its entry: the guard counts unlinks against the
 * linked entries and refuses them all, with the same wording as for Secret deletes.
 */
class GuardCountsServiceAccountUnlinksTest {
  static final String[] NAMESPACES = {"a", "b", "c", "d", "e", "f", "g", "h"};
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  static Fixtures spec(String serviceAccount) {
    return Fixtures.spec()
        .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
        .pullSecret(
            pullSecret("harbor-credentials", "harbor")
                .names(NAMESPACES)
                .serviceAccounts(serviceAccount));
  }

  @Test
  void typoInServiceAccountNameUnlinksNothing() {
    for (String ns : NAMESPACES) {
      cluster.namespace(ns).serviceAccount(ns, "default");
    }
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec("default"))) {
      engine.runOnce();
      engine.commit(spec("defualt"));

      Report report = engine.runOnce();

      System.out.println("typo scenario: " + report.errors());
      assertThat(report.result()).isEqualTo(Report.Result.FAILED);
      assertThat(report.errors())
          .singleElement()
          .asString()
          .contains(
              "deletion guard",
              "remove 8 of 8 linked ServiceAccount entries (100% > 25%)",
              "no ServiceAccount entry removed")
          .doesNotContain("managed Secrets");
      assertThat(report.counts().unlinked()).isZero();
      assertThat(report.counts().deleted()).isZero();
      for (String ns : NAMESPACES) {
        assertThat(cluster.pullSecretsOf(ns, "default")).containsExactly("harbor-credentials");
      }
    }
  }
}
