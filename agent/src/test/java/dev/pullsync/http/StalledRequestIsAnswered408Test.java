package dev.pullsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A request that does not arrive whole within the request timeout is answered 408 and closed. */
class StalledRequestIsAnswered408Test {
  private AgentHttpServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aWebhookBodyThatStopsArrivingGets408AndTheConnectionCloses() throws Exception {
    server =
        AgentHttpServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            HttpLimits.DEFAULTS.withRequestTimeout(Duration.ofMillis(300)),
            new Readiness(() -> true),
            new AgentMetrics(Clock.systemUTC()),
            Optional.of(WebhookVerifier.ofFileContent("s3cret\n".getBytes())),
            t -> {});
    try (SlowSocket body = SlowSocket.webhookBody(server.port());
        SlowSocket head = SlowSocket.head(server.port())) {
      assertThat(body.readToClose()).startsWith("HTTP/1.1 408 ");
      assertThat(head.readToClose()).startsWith("HTTP/1.1 408 ");
    }
  }
}
