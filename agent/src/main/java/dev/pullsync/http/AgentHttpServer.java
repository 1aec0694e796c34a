package dev.pullsync.http;

import dev.pullsync.reconcile.Trigger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's one HTTP port: {@code GET /healthz} (the reconcile loop turns, see {@link
 * dev.pullsync.schedule.Watchdog}; else 503 with the reason), {@code GET /readyz} (informers
 * synced; else 503 with the reason), {@code GET /metrics} (Prometheus text) and {@code POST
 * /hooks/git} (a verified Git push webhook queues a full fetch and reconcile: 202; a standby
 * replica answers 503 with {@code Retry-After}, see {@link GitWebhook}), and {@code GET /} or
 * {@code /status}: the latest report as an HTML page ({@link StatusPage}). Served by {@link
 * SmallHttpServer} within {@link HttpLimits}: no client, however slow, can keep health and
 * readiness from answering. A new page is one more line in {@link #routes}.
 */
public final class AgentHttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AgentHttpServer.class);

  private final SmallHttpServer server;

  private AgentHttpServer(SmallHttpServer server) {
    this.server = server;
  }

  /**
   * Starts serving within the default {@link HttpLimits}.
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
    return start(address, HttpLimits.DEFAULTS, readiness, metrics, webhook, submit);
  }

  /** Starts serving within the given limits, with a status page that has no report yet. */
  public static AgentHttpServer start(
      InetSocketAddress address,
      HttpLimits limits,
      Readiness readiness,
      AgentMetrics metrics,
      Optional<WebhookVerifier> webhook,
      Consumer<Trigger> submit) {
    return start(address, limits, readiness, metrics, webhook, submit, new StatusPage());
  }

  /** Starts serving within the given limits; {@code page} answers {@code /} and {@code /status}. */
  public static AgentHttpServer start(
      InetSocketAddress address,
      HttpLimits limits,
      Readiness readiness,
      AgentMetrics metrics,
      Optional<WebhookVerifier> webhook,
      Consumer<Trigger> submit,
      StatusPage page) {
    Routes routes =
        routes(readiness, metrics, new GitWebhook(webhook, submit, readiness::leading), page);
    try {
      SmallHttpServer server = SmallHttpServer.start(address, routes, limits);
      log.info("Serving {} on port {}", routes.paths(), server.port());
      return new AgentHttpServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("could not listen on " + address, e);
    }
  }

  private static Routes routes(
      Readiness readiness, AgentMetrics metrics, GitWebhook hook, StatusPage page) {
    return new Routes()
        .get("/", r -> page.respond())
        .get("/status", r -> page.respond())
        .inline("/healthz", r -> alive(readiness))
        .inline("/readyz", r -> ready(readiness))
        .get("/metrics", r -> HttpResponse.of(200, "text/plain; version=0.0.4", metrics.scrape()))
        .post("/hooks/git", hook::handle);
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
  }

  private static HttpResponse alive(Readiness readiness) {
    Optional<String> reason = readiness.notAliveReason();
    return reason.isEmpty()
        ? HttpResponse.text(200, "ok\n")
        : HttpResponse.text(503, "unhealthy: " + reason.get() + "\n");
  }

  private static HttpResponse ready(Readiness readiness) {
    Optional<String> reason = readiness.notReadyReason();
    return reason.isEmpty()
        ? HttpResponse.text(200, "ready\n")
        : HttpResponse.text(503, "not ready: " + reason.get() + "\n");
  }
}
