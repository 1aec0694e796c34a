package dev.pullsync.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.pullsync.reconcile.Trigger;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's one HTTP port (JDK {@link HttpServer}): {@code GET /healthz} (the process is alive),
 * {@code GET /readyz} (200, or 503 with the reason), {@code GET /metrics} (Prometheus text) and
 * {@code POST /hooks/git} (a verified Git push webhook queues a full fetch and reconcile: 202).
 */
public final class AgentHttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AgentHttpServer.class);
  private static final int MAX_WEBHOOK_BODY = 1 << 20;

  private final HttpServer server;
  private final ExecutorService executor;

  private AgentHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving.
   *
   * @param webhook empty when no webhook secret is configured: {@code /hooks/git} then answers 404
   * @param submit where a verified webhook's trigger goes (the reconcile queue)
   */
  public static AgentHttpServer start(
      InetSocketAddress address,
      Readiness readiness,
      AgentMetrics metrics,
      Optional<WebhookVerifier> webhook,
      Consumer<Trigger> submit) {
    try {
      HttpServer server = HttpServer.create(address, 16);
      ExecutorService executor =
          Executors.newFixedThreadPool(
              2,
              r -> {
                Thread t = new Thread(r, "pullsync-http");
                t.setDaemon(true);
                return t;
              });
      server.setExecutor(executor);
      server.createContext("/healthz", exact("/healthz", "GET", ex -> send(ex, 200, "ok\n")));
      server.createContext("/readyz", exact("/readyz", "GET", ex -> ready(ex, readiness)));
      server.createContext(
          "/metrics",
          exact(
              "/metrics",
              "GET",
              ex -> send(ex, 200, metrics.scrape(), "text/plain; version=0.0.4")));
      server.createContext(
          "/hooks/git", exact("/hooks/git", "POST", ex -> hook(ex, webhook, submit)));
      server.createContext("/", ex -> send(ex, 404, "not found\n"));
      server.start();
      log.info(
          "Serving /healthz, /readyz, /metrics and /hooks/git on port {}",
          server.getAddress().getPort());
      return new AgentHttpServer(server, executor);
    } catch (IOException e) {
      throw new UncheckedIOException("could not listen on " + address, e);
    }
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(1);
    executor.shutdownNow();
  }

  private static void ready(HttpExchange ex, Readiness readiness) throws IOException {
    Optional<String> reason = readiness.notReadyReason();
    if (reason.isEmpty()) {
      send(ex, 200, "ready\n");
    } else {
      send(ex, 503, "not ready: " + reason.get() + "\n");
    }
  }

  private static void hook(
      HttpExchange ex, Optional<WebhookVerifier> webhook, Consumer<Trigger> submit)
      throws IOException {
    if (webhook.isEmpty()) {
      send(ex, 404, "webhook not configured (webhook.secretFile)\n");
      return;
    }
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readNBytes(MAX_WEBHOOK_BODY + 1);
    }
    if (body.length > MAX_WEBHOOK_BODY) {
      send(ex, 413, "payload too large\n");
      return;
    }
    Optional<String> github = header(ex, "X-Hub-Signature-256");
    Optional<String> gitlab = header(ex, "X-Gitlab-Token");
    if (!webhook.get().verify(github, gitlab, body)) {
      log.warn(
          "Rejected a webhook from {}: missing or wrong signature",
          ex.getRemoteAddress().getAddress());
      send(ex, 401, "missing or invalid signature\n");
      return;
    }
    submit.accept(Trigger.full("webhook"));
    send(ex, 202, "reconcile queued\n");
  }

  private static Optional<String> header(HttpExchange ex, String name) {
    return Optional.ofNullable(ex.getRequestHeaders().getFirst(name));
  }

  private static HttpHandler exact(String path, String method, HttpHandler handler) {
    return ex -> {
      try (ex) {
        if (!ex.getRequestURI().getPath().equals(path)) {
          send(ex, 404, "not found\n");
        } else if (!ex.getRequestMethod().equals(method)
            && !(method.equals("GET") && ex.getRequestMethod().equals("HEAD"))) {
          ex.getResponseHeaders().set("Allow", method);
          send(ex, 405, "method not allowed\n");
        } else {
          handler.handle(ex);
        }
      } catch (RuntimeException e) {
        log.warn("HTTP handler for {} failed: {}", path, e.getClass().getSimpleName());
        send(ex, 500, "internal error\n");
      }
    };
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    send(ex, status, body, "text/plain; charset=utf-8");
  }

  private static void send(HttpExchange ex, int status, String body, String contentType)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", contentType);
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
    ex.close();
  }
}
