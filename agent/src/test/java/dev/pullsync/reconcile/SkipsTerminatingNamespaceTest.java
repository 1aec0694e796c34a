package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A namespace being deleted is skipped and reported as "namespace terminating": when the caches
 * already say so (selected by pattern), and when the API refuses the write because deletion began
 * after the caches were read (403 NamespaceTerminating), which is not a missing permission.
 */
class SkipsTerminatingNamespaceTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  static Fixtures spec() {
    return Fixtures.spec()
        .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
        .pullSecret(pullSecret("harbor-credentials", "harbor").patterns("team-*"));
  }

  @Test
  void terminatingNamespaceIsSkippedAndReported() {
    cluster.namespace("team-live").serviceAccount("team-live", "default");
    cluster
        .client()
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName("team-dying")
                .endMetadata()
                .withNewStatus()
                .withPhase("Terminating")
                .endStatus()
                .build())
        .create();
    cluster.namespace("team-late").serviceAccount("team-late", "default");
    cluster.fault(
        r ->
            r.getMethod().equals("POST") && r.getPath().contains("/namespaces/team-late/secrets")
                ? new MockResponse()
                    .setResponseCode(403)
                    .setBody(
                        "{\"kind\":\"Status\",\"code\":403,\"reason\":\"Forbidden\",\"message\":"
                            + "\"secrets \\\"harbor-credentials\\\" is forbidden: unable to create"
                            + " new content in namespace team-late because it is being"
                            + " terminated\",\"details\":{\"causes\":[{\"reason\":"
                            + "\"NamespaceTerminating\"}]}}")
                : null);
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec())) {
      Report report = engine.runOnce();

      assertThat(report.entries())
          .anySatisfy(
              e -> {
                assertThat(e.namespace()).isEqualTo("team-dying");
                assertThat(e.reason()).isEqualTo("namespace terminating; skipped");
              })
          .anySatisfy(
              e -> {
                assertThat(e.namespace()).isEqualTo("team-late");
                assertThat(e.kind()).isEqualTo("Secret");
                assertThat(e.status()).isEqualTo("skipped");
                assertThat(e.reason()).isEqualTo("namespace terminating; skipped");
              })
          .noneSatisfy(e -> assertThat(e.reason()).contains("may not"));
      assertThat(report.counts().failed()).isZero();
      assertThat(
              cluster
                  .client()
                  .secrets()
                  .inNamespace("team-live")
                  .withName("harbor-credentials")
                  .get())
          .isNotNull();
    }
  }
}
