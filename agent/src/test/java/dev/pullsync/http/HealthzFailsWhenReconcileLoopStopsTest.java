package dev.pullsync.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pullsync.reconcile.ReconcileRunner;
import dev.pullsync.reconcile.Trigger;
import dev.pullsync.report.Report;
import dev.pullsync.schedule.Backoff;
import dev.pullsync.schedule.ReconcileQueue;
import dev.pullsync.schedule.RunIds;
import dev.pullsync.schedule.TestReports;
import dev.pullsync.schedule.Watchdog;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /healthz} is the watchdog's: it fails (503, so Kubernetes restarts the pod) when the
 * reconcile thread is killed, or when one reconcile runs, or none runs, for longer than the bound
 * the schedule gives; an {@code Error} thrown by a reconcile is reported as a failed run (and
 * counted in the metrics) and the loop carries on. A standby replica stays healthy.
 */
class HealthzFailsWhenReconcileLoopStopsTest {
  private static final Duration BOUND = Duration.ofMinutes(15);

  private final MovingClock clock = new MovingClock();
  private final Readiness readiness = new Readiness(() -> true);
  private final AgentMetrics metrics = new AgentMetrics(clock);
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicReference<Thread> worker = new AtomicReference<>();
  private ReconcileQueue queue;
  private AgentHttpServer http;
  private HttpTestClient client;

  private void start(ReconcileRunner runner) {
    ReconcileQueue.RunListener failed =
        new ReconcileQueue.RunListener() {
          @Override
          public void failed(Trigger trigger, Throwable error, Duration took) {
            failures.add(error);
          }
        };
    queue =
        new ReconcileQueue(
            runner,
            ReconcileQueue.RunListener.all(metrics, failed),
            new Backoff(Duration.ofMillis(10), Duration.ofMillis(10)),
            clock,
            RunIds.from(new Random(1)));
    readiness.watchdog(new Watchdog(queue::pulse, BOUND, clock));
    http =
        AgentHttpServer.start(
            new InetSocketAddress("127.0.0.1", 0), readiness, metrics, Optional.empty(), t -> {});
    client = new HttpTestClient(http.port());
  }

  @AfterEach
  void stop() {
    release.countDown();
    queue.close(Duration.ofSeconds(2));
    http.close();
  }

  private Report blockingRun(Trigger trigger) {
    worker.set(Thread.currentThread());
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return TestReports.of(Report.Result.SYNCED);
  }

  @Test
  @SuppressWarnings({"deprecation", "removal"})
  void killingTheReconcileThreadFailsHealthz() {
    start(this::blockingRun);
    queue.activate();
    queue.submit(Trigger.full("startup"));
    await()
        .dontCatchUncaughtExceptions()
        .atMost(Duration.ofSeconds(10))
        .until(() -> worker.get() != null);
    assertThat(client.get("/healthz").statusCode()).isEqualTo(200);
    worker.get().stop(); // what an uncaught Error used to do to this thread
    await() // the dying thread's ThreadDeath is expected, not a test failure
        .dontCatchUncaughtExceptions()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !worker.get().isAlive());
    var health = client.get("/healthz");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).isEqualTo("unhealthy: the reconcile thread has died\n");
    assertThat(client.get("/readyz").statusCode()).isEqualTo(200);
  }

  @Test
  void aReconcileRunningBeyondTheBoundFailsHealthz() {
    start(this::blockingRun);
    queue.activate();
    queue.submit(Trigger.full("startup"));
    await().atMost(Duration.ofSeconds(10)).until(queue::busy);
    clock.advance(BOUND.minusSeconds(1));
    assertThat(client.get("/healthz").statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(2));
    var health = client.get("/healthz");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body())
        .isEqualTo(
            "unhealthy: one reconcile has been running for 901 s (more than the 900 s the"
                + " schedule allows)\n");
  }

  @Test
  void noReconcileWithinTheBoundFailsHealthzButNotOnStandby() {
    start(t -> TestReports.of(Report.Result.SYNCED));
    clock.advance(BOUND.plusMinutes(5));
    assertThat(client.get("/healthz").statusCode()).as("standby").isEqualTo(200);
    queue.activate();
    assertThat(client.get("/healthz").statusCode()).isEqualTo(200);
    clock.advance(BOUND.plusSeconds(1));
    assertThat(client.get("/healthz").body())
        .isEqualTo(
            "unhealthy: no reconcile has run for 901 s (more than the 900 s the schedule"
                + " allows)\n");
    queue.submit(Trigger.full("schedule"));
    await().atMost(Duration.ofSeconds(10)).until(() -> client.get("/healthz").statusCode() == 200);
  }

  @Test
  void anErrorInAReconcileIsAFailedRunAndTheLoopCarriesOn() {
    AtomicReference<Boolean> first = new AtomicReference<>(true);
    start(
        t -> {
          if (first.getAndSet(false)) {
            throw new StackOverflowError();
          }
          return TestReports.of(Report.Result.SYNCED);
        });
    queue.activate();
    queue.submit(Trigger.full("startup"));
    await().atMost(Duration.ofSeconds(10)).until(() -> !failures.isEmpty());
    assertThat(failures.get(0)).isInstanceOf(StackOverflowError.class);
    queue.submit(Trigger.full("schedule"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              clock.advance(Duration.ofSeconds(1)); // past the retry's backoff
              return metrics.scrape().contains("pullsync_reconcile_total{result=\"synced\"} 1.0");
            });
    assertThat(metrics.scrape()).contains("pullsync_reconcile_total{result=\"error\"} 1.0");
    assertThat(queue.pulse().alive()).isTrue();
    assertThat(client.get("/healthz").statusCode()).isEqualTo(200);
  }

  /** A clock the test moves by hand. */
  private static final class MovingClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-30T05:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
