package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prune delete carries the cached uid and resourceVersion as preconditions; when the API answers
 * 409 (someone recreated or changed the Secret while our cache was stale) the Secret stays, the
 * report shows a conflict, and the next run decides again. The mock ignores preconditions, so it
 * answers the 409 here as a real API server would.
 */
class DeleteConflictIsReportedAndDecidedAgainTest {
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
  void conflictOnDeleteKeepsTheSecretAndTheNextRunDeletesIt() {
    for (String ns : new String[] {"a", "b", "c", "d"}) {
      cluster.namespace(ns).serviceAccount(ns, "default");
    }
    List<String> bodies = new CopyOnWriteArrayList<>();
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec("a", "b", "c", "d"))) {
      engine.runOnce();
      Secret cached =
          cluster.client().secrets().inNamespace("d").withName("harbor-credentials").get();
      engine.commit(spec("a", "b", "c"));
      cluster.fault(
          r -> {
            if (r.getMethod().equals("DELETE") && r.getPath().contains("/secrets/")) {
              bodies.add(r.getUtf8Body());
              return new MockResponse()
                  .setResponseCode(409)
                  .setBody("{\"kind\":\"Status\",\"code\":409,\"reason\":\"Conflict\"}");
            }
            return null;
          });

      Report refused = engine.runOnce();

      assertThat(bodies)
          .singleElement()
          .asString()
          .contains("\"uid\":\"" + cached.getMetadata().getUid() + "\"")
          .contains("\"resourceVersion\":\"" + cached.getMetadata().getResourceVersion() + "\"");
      assertThat(refused.counts().deleted()).isZero();
      assertThat(refused.counts().failed()).isZero();
      assertThat(refused.entries())
          .anySatisfy(
              e -> {
                assertThat(e.kind()).isEqualTo("Secret");
                assertThat(e.namespace()).isEqualTo("d");
                assertThat(e.action()).isEqualTo("conflict");
                assertThat(e.reason()).contains("changed or was recreated since it was read");
              });
      assertThat(cluster.client().secrets().inNamespace("d").withName("harbor-credentials").get())
          .isNotNull();

      cluster.fault(null);
      Report next = engine.runOnce();

      assertThat(next.counts().deleted()).isEqualTo(1);
      assertThat(cluster.client().secrets().inNamespace("d").withName("harbor-credentials").get())
          .isNull();
    }
  }
}
