package dev.pullsync.bench;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;

/**
 * The in-memory Kubernetes API (fabric8 mock, CRUD mode, plain HTTP on loopback) behind a {@link
 * CountingDispatcher}. Runs in-process, or as its own JVM through {@link #main} so that the agent's
 * CPU time and heap are measured without the server's.
 */
final class BenchServer implements AutoCloseable {
  static final String READY = "pullsync-bench-server ready on port ";

  /** Held strongly: java.util.logging forgets levels set on loggers nobody references. */
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private final KubernetesMockServer server;

  private BenchServer(KubernetesMockServer server) {
    this.server = server;
  }

  /** Silences the mock's line per request (it costs more than some requests). */
  static void quiet() {
    MOCK_LOG.setLevel(java.util.logging.Level.OFF);
  }

  static BenchServer start(int port) {
    quiet();
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    CountingDispatcher counting = new CountingDispatcher(new KubernetesMixedDispatcher(responses));
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            new MockWebServer(),
            responses,
            counting,
            false);
    server.init(InetAddress.getLoopbackAddress(), port);
    return new BenchServer(server);
  }

  int port() {
    return server.getPort();
  }

  /** A client configuration for this server (the caller adds user agent and limits). */
  static Config config(String url) {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(url)
        .withTrustCerts(true)
        .withNamespace("default")
        .withRequestRetryBackoffLimit(2)
        .withRequestRetryBackoffInterval(50)
        .build();
  }

  @Override
  public void close() {
    server.destroy();
  }

  /** Forked mode: serve on the given port (0 = any) until stdin closes. */
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    try (BenchServer s = start(port)) {
      System.out.println(READY + s.port());
      System.out.flush();
      CountDownLatch done = new CountDownLatch(1);
      Thread waiter =
          new Thread(
              () -> {
                try {
                  while (System.in.read() >= 0) {
                    // the parent holds stdin open while it needs the server
                  }
                } catch (java.io.IOException e) {
                  // parent gone
                }
                done.countDown();
              });
      waiter.setDaemon(true);
      waiter.start();
      done.await();
    }
  }
}
