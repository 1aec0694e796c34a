package dev.pullsync.schedule;

import dev.pullsync.http.AgentHttpServer;
import dev.pullsync.http.AgentMetrics;
import dev.pullsync.http.HttpLimits;
import dev.pullsync.http.Readiness;
import dev.pullsync.http.StatusPage;
import dev.pullsync.http.WebhookVerifier;
import dev.pullsync.reconcile.ReconcileRunner;
import dev.pullsync.reconcile.Trigger;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running agent: one {@link ReconcileQueue} fed by the cron schedule, namespace and
 * ServiceAccount events, the Git webhook and startup; the HTTP port; and, when enabled, leader
 * election deciding whether this replica works. {@link #close()} is the graceful shutdown (the
 * SIGTERM path): stop the schedule, let the running reconcile finish within the grace period or
 * abandon it, release the lease, stop informers and HTTP.
 */
public final class Agent implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Agent.class);

  private final ReconcileQueue queue;
  private final CronSchedule schedule;
  private final AgentHttpServer http;
  private final ClusterInformers informers;
  private final Optional<LeaderElection> election;
  private final Duration grace;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private boolean closed;

  private Agent(
      ReconcileQueue queue,
      CronSchedule schedule,
      AgentHttpServer http,
      ClusterInformers informers,
      Optional<LeaderElection> election,
      Duration grace) {
    this.queue = queue;
    this.schedule = schedule;
    this.http = http;
    this.informers = informers;
    this.election = election;
    this.grace = grace;
  }

  /**
   * Starts everything and queues the startup reconcile (once leading, with election).
   *
   * @param extra a listener besides metrics and readiness (e.g. the demo printing each report)
   */
  public static Agent start(
      ServiceSettings settings,
      KubernetesClient client,
      ClusterInformers informers,
      ReconcileRunner runner,
      AgentMetrics metrics,
      ReconcileQueue.RunListener extra) {
    Readiness readiness = new Readiness(informers::synced);
    StatusPage page = new StatusPage();
    ReconcileQueue queue =
        new ReconcileQueue(
            runner,
            ReconcileQueue.RunListener.all(metrics, page, extra),
            settings.backoff(),
            Clock.systemUTC(),
            RunIds.secure());
    readiness.watchdog(
        new Watchdog(
            queue::pulse,
            Watchdog.boundFor(settings.schedule(), Clock.systemUTC()),
            Clock.systemUTC()));
    NamespaceEvents.register(informers, queue::submit);
    AgentHttpServer http =
        AgentHttpServer.start(
            settings.http(),
            HttpLimits.DEFAULTS,
            readiness,
            metrics,
            webhook(settings),
            queue::submit,
            page);
    CronSchedule schedule = CronSchedule.start(settings.schedule(), queue);
    Optional<LeaderElection> election =
        settings
            .leaderElection()
            .map(
                s ->
                    LeaderElection.start(
                        client,
                        s,
                        () -> lead(queue, readiness, runner),
                        () -> {
                          runner.writesAllowed(false); // first: nothing more is sent
                          readiness.leading(false);
                          queue.deactivate();
                        }));
    if (election.isEmpty()) {
      lead(queue, readiness, runner);
    }
    return new Agent(queue, schedule, http, informers, election, settings.shutdownGrace());
  }

  private static void lead(ReconcileQueue queue, Readiness readiness, ReconcileRunner runner) {
    runner.writesAllowed(true);
    readiness.leading(true);
    queue.submit(Trigger.full("startup"));
    queue.activate();
  }

  private static Optional<WebhookVerifier> webhook(ServiceSettings settings) {
    return settings
        .webhookSecretFile()
        .map(
            file -> {
              try {
                return WebhookVerifier.ofFileContent(Files.readAllBytes(file));
              } catch (IOException e) {
                throw new UncheckedIOException("webhook.secretFile: cannot read " + file, e);
              }
            });
  }

  /** Queues a reconcile (e.g. the demo's first run). */
  public void submit(Trigger trigger) {
    queue.submit(trigger);
  }

  /** The HTTP port actually bound. */
  public int httpPort() {
    return http.port();
  }

  /** True while this replica leads (always true without election). */
  public boolean leading() {
    return election.map(LeaderElection::leading).orElse(true);
  }

  /** Blocks until {@link #close()} has finished. */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /** Blocks up to {@code timeout} for {@link #close()} to finish. */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    log.info("Shutting down: stopping the schedule, finishing or abandoning the current reconcile");
    try {
      schedule.close();
      queue.close(grace);
      election.ifPresent(LeaderElection::close);
      informers.stopIfOwned();
      http.close();
      log.info("Stopped");
    } finally {
      stopped.countDown();
    }
  }
}
