package dev.pullsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Slow or stalled clients never keep /healthz and /readyz from answering (issue 15, item 3). */
class HealthAnswersWhileClientsSendSlowlyTest {
  private final List<SlowSocket> slow = new ArrayList<>();
  private AgentHttpServer server;

  @AfterEach
  void stop() throws Exception {
    for (SlowSocket s : slow) {
      s.close();
    }
    server.close();
  }

  private HttpTestClient start(HttpLimits limits) {
    server =
        AgentHttpServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            limits,
            new Readiness(() -> true),
            new AgentMetrics(Clock.systemUTC()),
            Optional.of(WebhookVerifier.ofFileContent("s3cret\n".getBytes())),
            t -> {});
    return new HttpTestClient(server.port());
  }

  @Test
  void healthAndReadinessAnswerWhileManyWebhookBodiesAndHeadsStall() {
    HttpTestClient client = start(HttpLimits.DEFAULTS.withRequestTimeout(Duration.ofMinutes(1)));
    for (int i = 0; i < 20; i++) {
      slow.add(SlowSocket.webhookBody(server.port()));
      slow.add(SlowSocket.head(server.port()));
    }
    for (int i = 0; i < 5; i++) {
      assertThat(client.get("/healthz").statusCode()).isEqualTo(200);
      assertThat(client.get("/readyz").statusCode()).isEqualTo(200);
      assertThat(client.get("/metrics").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void atTheConnectionLimitTheOldestStalledClientMakesRoomForAProbe() throws Exception {
    HttpLimits limits = new HttpLimits(Duration.ofMinutes(1), 16 << 10, 1 << 20, 8, 2, 4);
    HttpTestClient client = start(limits);
    for (int i = 0; i < 8; i++) {
      slow.add(SlowSocket.webhookBody(server.port()));
    }
    assertThat(client.get("/healthz").statusCode()).isEqualTo(200);
    assertThat(slow.get(0).readToClose()).isEmpty(); // evicted: closed without an answer
  }
}
