package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When removing our entry from a ServiceAccount fails, the Secret it names is not deleted in that
 * run (no ServiceAccount is left pointing at a deleted Secret); the next run does both.
 */
class FailedUnlinkKeepsSecretTest {
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
  void secretStaysWhileItsEntryCouldNotBeRemoved() {
    for (String ns : new String[] {"a", "b", "c", "d"}) {
      cluster.namespace(ns).serviceAccount(ns, "default");
    }
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec("a", "b", "c", "d"))) {
      engine.runOnce();
      engine.commit(spec("a", "b", "c"));
      cluster.fault(
          r ->
              r.getMethod().equals("PUT") && r.getPath().contains("/namespaces/d/serviceaccounts")
                  ? new MockResponse().setResponseCode(500).setBody("{}")
                  : null);

      Report report = engine.runOnce();

      assertThat(report.counts().deleted()).isZero();
      assertThat(report.entries())
          .anySatisfy(
              e -> {
                assertThat(e.kind()).isEqualTo("Secret");
                assertThat(e.namespace()).isEqualTo("d");
                assertThat(e.status()).isEqualTo("skipped");
                assertThat(e.reason()).contains("removing its entry from ServiceAccount default");
              });
      assertThat(cluster.client().secrets().inNamespace("d").withName("harbor-credentials").get())
          .isNotNull();

      cluster.fault(null);
      Report next = engine.runOnce();

      assertThat(next.counts().deleted()).isEqualTo(1);
      assertThat(cluster.pullSecretsOf("d", "default")).isEmpty();
    }
  }
}
