package dev.pullsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.reconcile.Trigger;
import dev.pullsync.report.Report;
import dev.pullsync.schedule.TestReports;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class HealthAndMetricsTest {
  private static final String CANARY = "CANARY-pw-7f3e9a";
  KubernetesMockServer server;

  private final AtomicBoolean synced = new AtomicBoolean();
  private final Readiness readiness = new Readiness(synced::get);
  private final AgentMetrics metrics =
      new AgentMetrics(Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC));
  private AgentHttpServer http;
  private HttpTestClient client;

  private void start() {
    http =
        AgentHttpServer.start(
            new InetSocketAddress("127.0.0.1", 0), readiness, metrics, Optional.empty(), t -> {});
    client = new HttpTestClient(http.port());
  }

  @AfterEach
  void stop() {
    http.close();
  }

  @Test
  void healthzIsOkWithoutAWatchdog() {
    start();
    var response = client.get("/healthz");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ok\n");
    assertThat(client.get("/healthzzz").statusCode()).isEqualTo(404);
  }

  @Test
  void readyzMeansCanServeNotThatTheNewestRevisionIsValid() {
    start();
    readiness.leading(true);
    assertThat(client.get("/readyz").statusCode()).isEqualTo(503);
    assertThat(client.get("/readyz").body())
        .isEqualTo("not ready: informers have not synced yet\n");
    synced.set(true);
    assertThat(client.get("/readyz").statusCode()).isEqualTo(200);
    metrics.finished(
        Trigger.full("schedule"),
        TestReports.of(Report.Result.FAILED, "revision abc not applied: spec.yaml:3: invalid"),
        Duration.ofMillis(5));
    assertThat(client.get("/readyz").statusCode())
        .as("a failed revision shows in report, metrics and logs, not in readiness")
        .isEqualTo(200);
  }

  @Test
  void aStandbyReplicaIsReadyOnceSynced() {
    start();
    synced.set(true);
    readiness.leading(false);
    assertThat(client.get("/readyz").statusCode()).isEqualTo(200);
  }

  @Test
  void metricsExposeReconcilesObjectsDriftApiRequestsAndExpiryWithoutCredentials() {
    start();
    List<Report.Entry> entries =
        List.of(
            entry("Secret", Optional.of("missing"), "create", "applied"),
            entry("ServiceAccount", Optional.of("unlinked"), "link", "applied"),
            entry("Secret", Optional.empty(), "noop", "unchanged"));
    metrics.finished(
        Trigger.full("startup"),
        TestReports.of(Report.Result.SYNCED, entries, "note " + CANARY),
        Duration.ofMillis(120));
    metrics.failed(
        Trigger.full("schedule"), new IllegalStateException(CANARY), Duration.ofMillis(3));
    metrics.gitFetchFailed();
    metrics.credentialExpiry(Map.of("harbor", LocalDate.parse("2026-12-26")));
    try (KubernetesClient k8s =
        server.createClient(b -> metrics.apiRequestCounter().installOn(b))) {
      k8s.namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName("a").endMetadata().build())
          .create();
      k8s.namespaces().list();
      k8s.namespaces().withName("a").get();
    }

    var response = client.get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    String text = response.body();
    assertThat(text)
        .contains("pullsync_reconcile_total{result=\"synced\"} 1.0")
        .contains("pullsync_reconcile_total{result=\"error\"} 1.0")
        .contains("pullsync_reconcile_total{result=\"failed\"} 0.0")
        .contains("pullsync_reconcile_duration_seconds_bucket{le=")
        .contains("pullsync_reconcile_duration_seconds_count 2")
        .contains(
            "pullsync_objects_total{action=\"create\",kind=\"Secret\",status=\"applied\"} 1.0")
        .contains(
            "pullsync_objects_total{action=\"link\",kind=\"ServiceAccount\",status=\"applied\"} 1.0")
        .doesNotContain("action=\"noop\"")
        .contains("pullsync_drift{drift=\"missing\",kind=\"Secret\"} 1.0")
        .contains("pullsync_drift{drift=\"unlinked\",kind=\"ServiceAccount\"} 1.0")
        .contains("pullsync_api_requests_total{method=\"POST\"} 1.0")
        .contains("pullsync_api_requests_total{method=\"GET\"} 2.0")
        .contains("pullsync_git_fetch_failures_total 1.0")
        .contains("pullsync_last_success_timestamp_seconds 1.7956944E9")
        .contains("pullsync_credential_expiry_days{registry=\"harbor\"} 30.0")
        .doesNotContain(CANARY);
  }

  private static Report.Entry entry(
      String kind, Optional<String> drift, String action, String status) {
    return new Report.Entry(
        "harbor-credentials", "team-a", kind, "x", drift, action, status, "reason " + CANARY);
  }
}
