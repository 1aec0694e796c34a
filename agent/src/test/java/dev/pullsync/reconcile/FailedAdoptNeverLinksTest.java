package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.report.Report;
import dev.pullsync.spec.Adopt;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code adopt: ifUnmanaged}, a take-over that fails leaves the ServiceAccount alone: it is
 * never linked to a Secret that is still someone else's.
 */
class FailedAdoptNeverLinksTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void failedTakeOverLinksNothing() {
    cluster.namespace("ns").serviceAccount("ns", "default");
    cluster
        .client()
        .secrets()
        .inNamespace("ns")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("harbor-credentials")
                .endMetadata()
                .withType("kubernetes.io/dockerconfigjson")
                .addToData(".dockerconfigjson", "e30=")
                .build())
        .create();
    cluster.fault(
        r ->
            r.getMethod().equals("PUT") && r.getPath().contains("/secrets/harbor-credentials")
                ? new MockResponse().setResponseCode(500).setBody("{}")
                : null);
    Fixtures spec =
        Fixtures.spec()
            .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
            .pullSecret(
                pullSecret("harbor-credentials", "harbor").names("ns").adopt(Adopt.IF_UNMANAGED));
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec)) {
      Report report = engine.runOnce();

      assertThat(report.entries())
          .anySatisfy(
              e -> {
                assertThat(e.kind()).isEqualTo("Secret");
                assertThat(e.status()).isEqualTo("failed");
              })
          .anySatisfy(
              e -> {
                assertThat(e.kind()).isEqualTo("ServiceAccount");
                assertThat(e.status()).isEqualTo("skipped");
                assertThat(e.reason()).startsWith("not linked");
              });
      assertThat(cluster.pullSecretsOf("ns", "default")).isEmpty();
    }
  }
}
