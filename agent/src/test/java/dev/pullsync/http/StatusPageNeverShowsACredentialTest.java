package dev.pullsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.reconcile.Trigger;
import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page after a real reconcile of a spec whose sealed password is the canary: the page
 * names the objects and their changes, and never the canary, in plain text or base64. Before the
 * first reconcile it answers 503.
 */
class StatusPageNeverShowsACredentialTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();
  private AgentHttpServer http;

  @AfterEach
  void close() {
    if (http != null) {
      http.close();
    }
    cluster.close();
  }

  @Test
  void pageAfterARealReconcileHoldsNoCredential() {
    cluster
        .namespace("user-example-com")
        .serviceAccount("user-example-com", "default", "other-registry");
    StatusPage page = new StatusPage();
    http =
        AgentHttpServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            HttpLimits.DEFAULTS,
            new Readiness(() -> true),
            new AgentMetrics(Clock.systemUTC()),
            Optional.empty(),
            t -> {},
            page);
    HttpTestClient client = new HttpTestClient(http.port());
    assertThat(client.get("/").statusCode()).isEqualTo(503);

    try (TestEngine engine = new TestEngine(cluster, tmp).commit(Fixtures.seed())) {
      Report report = engine.runOnce();
      page.finished(Trigger.full("test"), report, Duration.ZERO);
    }
    var response = client.get("/status");
    String body = response.body();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(body).contains("harbor-credentials").contains("user-example-com");
    assertThat(body).doesNotContain("src=").doesNotContain("href=");
    assertThat(body)
        .doesNotContain(Fixtures.CANARY)
        .doesNotContain(b64(Fixtures.CANARY))
        .doesNotContain(b64("admin:" + Fixtures.CANARY));
    assertThat(client.get("/").body()).isEqualTo(body);
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
