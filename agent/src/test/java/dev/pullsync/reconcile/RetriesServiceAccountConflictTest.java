package dev.pullsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ServiceAccount update answered 409 (someone else wrote it meanwhile) is re-read and retried; an
 * entry another writer added in between is kept.
 */
class RetriesServiceAccountConflictTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void conflictIsRetriedWithAFreshRead() {
    cluster
        .namespace("user-example-com")
        .serviceAccount("user-example-com", "default", "other-registry");
    AtomicInteger conflicts = new AtomicInteger();
    cluster.fault(
        r -> {
          boolean saPut = r.getMethod().equals("PUT") && r.getPath().contains("/serviceaccounts/");
          if (saPut && conflicts.getAndIncrement() < 2) {
            return new MockResponse()
                .setResponseCode(409)
                .setBody(
                    "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                        + "\"reason\":\"Conflict\",\"code\":409}");
          }
          return null;
        });
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(Fixtures.seed())) {
      Report report = engine.runOnce();

      assertThat(conflicts.get()).isEqualTo(3);
      assertThat(report.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(cluster.pullSecretsOf("user-example-com", "default"))
          .containsExactly("other-registry", "harbor-credentials");
    }
  }

  @Test
  void persistentConflictFailsOnlyThatObject() {
    cluster.namespace("user-example-com").serviceAccount("user-example-com", "default");
    cluster.fault(
        r ->
            r.getMethod().equals("PUT") && r.getPath().contains("/serviceaccounts/")
                ? new MockResponse()
                    .setResponseCode(409)
                    .setBody("{\"kind\":\"Status\",\"reason\":\"Conflict\",\"code\":409}")
                : null);
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(Fixtures.seed())) {
      Report report = engine.runOnce();

      assertThat(report.result()).isEqualTo(Report.Result.DEGRADED);
      assertThat(report.counts().created()).isEqualTo(1);
      assertThat(report.counts().failed()).isEqualTo(1);
      assertThat(report.entries())
          .anySatisfy(
              e -> {
                assertThat(e.status()).isEqualTo("failed");
                assertThat(e.reason()).contains("409", "5 attempts");
              });
    }
  }
}
