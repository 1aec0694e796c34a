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
 * In a fleet of three, dropping one namespace (1 of 3 Secrets and 1 of 3 entries, 33% > 25%) goes
 * through: a plan may always remove one object of each kind. Dropping two of three is refused.
 */
class GuardFloorLetsSmallFleetsRemoveOneTest {
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
  void removingOneOfThreeGoesThroughTwoOfThreeDoesNot() {
    for (String ns : new String[] {"a", "b", "c"}) {
      cluster.namespace(ns).serviceAccount(ns, "default");
    }
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec("a", "b", "c"))) {
      engine.runOnce();
      engine.commit(spec("a", "b"));

      Report one = engine.runOnce();

      assertThat(one.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(one.counts().deleted()).isEqualTo(1);
      assertThat(one.counts().unlinked()).isEqualTo(1);
      assertThat(cluster.pullSecretsOf("c", "default")).isEmpty();

      engine.commit(spec("a", "b", "c"));
      engine.runOnce();
      engine.commit(spec("a"));

      Report two = engine.runOnce();

      assertThat(two.result()).isEqualTo(Report.Result.FAILED);
      assertThat(two.errors())
          .singleElement()
          .asString()
          .contains("delete 2 of 3", "remove 2 of 3");
      assertThat(two.counts().deleted()).isZero();
    }
  }
}
