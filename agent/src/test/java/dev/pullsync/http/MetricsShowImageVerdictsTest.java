package dev.pullsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.reconcile.Trigger;
import dev.pullsync.report.Report;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} has a gauge per Registry and {@code verify} image: {@code
 * pullsync_image_pullable} 1 or 0, and {@code pullsync_image_verdict} 1 for the last verdict only;
 * a new verdict replaces the old row, and a failed reconcile that checked nothing leaves them.
 */
class MetricsShowImageVerdictsTest {
  static final String IMAGE = "kubeflow-iris/iris-download:v1.0";
  static final String OTHER = "other-team/model:v2";
  static final String TAGS = "image=\"" + IMAGE + "\",registry=\"harbor\"";

  private final AgentMetrics metrics = new AgentMetrics(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
  private AgentHttpServer http;

  @AfterEach
  void stop() {
    if (http != null) {
      http.close();
    }
  }

  static Report report(Report.Result result, String imageVerdict) {
    Instant at = Instant.parse("2026-11-30T07:00:00Z");
    Report plain =
        new Report(
            "prod",
            "pullsync.prod",
            "main@sha1:0123456789abcdef0123456789abcdef01234567",
            Optional.empty(),
            result,
            at,
            new Report.Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            List.of(),
            result == Report.Result.FAILED ? List.of("fetch failed") : List.of());
    if (imageVerdict == null) {
      return plain;
    }
    return plain.withRegistries(
        List.of(
            new Report.RegistryCheck(
                "harbor",
                "harbor.example.com",
                "accepted",
                "basic, 200",
                at,
                List.of(
                    new Report.ImageCheck(IMAGE, imageVerdict, "basic", at),
                    new Report.ImageCheck(OTHER, "not-found", "basic, 404", at)))));
  }

  @Test
  void eachImageHasAPullableAndAVerdictGauge() {
    http =
        AgentHttpServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            new Readiness(() -> true),
            metrics,
            Optional.empty(),
            t -> {});
    HttpTestClient client = new HttpTestClient(http.port());

    metrics.finished(Trigger.full("test"), report(Report.Result.SYNCED, "pullable"), Duration.ZERO);
    String first = client.get("/metrics").body();
    assertThat(first)
        .contains("pullsync_image_pullable{" + TAGS + "} 1.0")
        .contains("pullsync_image_verdict{" + TAGS + ",verdict=\"pullable\"} 1.0")
        .contains("pullsync_image_pullable{image=\"" + OTHER + "\",registry=\"harbor\"} 0.0")
        .contains(
            "pullsync_image_verdict{image=\""
                + OTHER
                + "\",registry=\"harbor\",verdict=\"not-found\"} 1.0");

    metrics.finished(Trigger.full("test"), report(Report.Result.DEGRADED, "denied"), Duration.ZERO);
    String denied = client.get("/metrics").body();
    assertThat(denied)
        .contains("pullsync_image_pullable{" + TAGS + "} 0.0")
        .contains("pullsync_image_verdict{" + TAGS + ",verdict=\"denied\"} 1.0")
        .doesNotContain("verdict=\"pullable\"");

    metrics.finished(Trigger.full("test"), report(Report.Result.FAILED, null), Duration.ZERO);
    assertThat(client.get("/metrics").body())
        .as("a fetch failure checked nothing")
        .contains("pullsync_image_verdict{" + TAGS + ",verdict=\"denied\"} 1.0");
  }
}
