package dev.pullsync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pullsync.http.AgentMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas with leader election: a signed webhook reaching the leader is queued (202); the same
 * webhook reaching the standby is answered 503 with Retry-After, never acknowledged and dropped,
 * and the standby runs nothing.
 */
@EnableKubernetesMockClient(crud = true)
class StandbyAnswersWebhooks503Test {
  private static final byte[] BODY =
      "{\"ref\":\"refs/heads/main\"}".getBytes(StandardCharsets.UTF_8);
  KubernetesMockServer server;
  @TempDir Path tmp;

  private Agent replica(String identity, KubernetesClient client, RecordingRunner runner)
      throws Exception {
    Path secret = tmp.resolve("hook-secret");
    Files.writeString(secret, "s3cret-hook\n");
    LeaderElection.Settings election =
        new LeaderElection.Settings(
            "pullsync",
            "pullsync-leader",
            identity,
            Duration.ofSeconds(3),
            Duration.ofSeconds(2),
            Duration.ofMillis(300));
    return Agent.start(
        ServiceSettings.defaults()
            .withSchedule("0 0 0 1 1 ? 2099")
            .withHttp(new InetSocketAddress("127.0.0.1", 0))
            .withWebhookSecretFile(secret)
            .withLeaderElection(election),
        client,
        ClusterInformers.start(client),
        runner,
        new AgentMetrics(Clock.systemUTC()),
        ReconcileQueue.RunListener.NONE);
  }

  private static HttpResponse<String> push(Agent agent) throws Exception {
    Mac hmac = Mac.getInstance("HmacSHA256");
    hmac.init(new SecretKeySpec("s3cret-hook".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] mac = hmac.doFinal(BODY);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.httpPort() + "/hooks/git"))
            .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac))
            .POST(HttpRequest.BodyPublishers.ofByteArray(BODY))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theLeaderQueuesTheWebhookAndTheStandbyAnswers503WithRetryAfter() throws Exception {
    RecordingRunner leaderRuns = new RecordingRunner();
    RecordingRunner standbyRuns = new RecordingRunner();
    try (KubernetesClient c1 = server.createClient();
        KubernetesClient c2 = server.createClient();
        Agent leader = replica("replica-1", c1, leaderRuns)) {
      await().atMost(Duration.ofSeconds(10)).until(leader::leading);
      try (Agent standby = replica("replica-2", c2, standbyRuns)) {
        HttpResponse<String> refused = push(standby);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(standby.leading()).isFalse();

        HttpResponse<String> queued = push(leader);
        assertThat(queued.statusCode()).isEqualTo(202);
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> leaderRuns.runs.stream().anyMatch(t -> t.reason().contains("webhook")));
        assertThat(standbyRuns.runs).isEmpty();
      }
    }
  }
}
