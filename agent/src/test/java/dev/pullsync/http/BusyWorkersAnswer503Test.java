package dev.pullsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The worker pool is bounded: with every worker busy and no queue room, a request is answered 503
 * with Retry-After at once, and inline health still answers.
 */
class BusyWorkersAnswer503Test {
  @Test
  void aFullPoolAnswers503WithRetryAfterAndHealthStillAnswers() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Routes routes =
        new Routes()
            .inline("/healthz", r -> HttpResponse.text(200, "ok\n"))
            .post("/slow", r -> awaitThenAnswer(started, release));
    HttpLimits limits = new HttpLimits(Duration.ofMinutes(1), 16 << 10, 1 << 20, 64, 1, 0);
    try (SmallHttpServer server =
        SmallHttpServer.start(new InetSocketAddress("127.0.0.1", 0), routes, limits)) {
      String post = "POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n";
      try (SlowSocket running = new SlowSocket(server.port(), post)) {
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        try (SlowSocket rejected = new SlowSocket(server.port(), post)) {
          assertThat(rejected.readToClose())
              .startsWith("HTTP/1.1 503 ")
              .contains("Retry-After: 1\r\n");
        }
        assertThat(new HttpTestClient(server.port()).get("/healthz").statusCode()).isEqualTo(200);
        release.countDown();
        assertThat(running.readToClose()).startsWith("HTTP/1.1 200 ").endsWith("done\n");
      }
    }
  }

  private static HttpResponse awaitThenAnswer(CountDownLatch started, CountDownLatch release) {
    started.countDown();
    try {
      release.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return HttpResponse.text(200, "done\n");
  }
}
