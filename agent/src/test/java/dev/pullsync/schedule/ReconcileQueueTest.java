package dev.pullsync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.pullsync.reconcile.Trigger;
import dev.pullsync.report.Report;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ReconcileQueueTest {
  private static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(80));
  private ReconcileQueue queue;

  @AfterEach
  void close() {
    if (queue != null) {
      queue.close(Duration.ofSeconds(5));
    }
  }

  private ReconcileQueue queue(dev.pullsync.reconcile.ReconcileRunner runner) {
    queue =
        new ReconcileQueue(
            runner,
            ReconcileQueue.RunListener.NONE,
            FAST,
            Clock.systemUTC(),
            RunIds.from(new Random(1)));
    queue.activate();
    return queue;
  }

  @Test
  void neverRunsTwoReconcilesAtOnceUnderASlowRunner() throws Exception {
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger maxConcurrent = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    queue(
        trigger -> {
          maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
          sleep(100);
          concurrent.decrementAndGet();
          runs.incrementAndGet();
          return TestReports.of(Report.Result.SYNCED);
        });
    long started = System.nanoTime();
    Thread[] submitters = new Thread[4];
    for (int t = 0; t < submitters.length; t++) {
      submitters[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 20; i++) {
                  queue.submit(Trigger.full("schedule"));
                  sleep(15);
                }
              });
      submitters[t].start();
    }
    for (Thread t : submitters) {
      t.join();
    }
    long submittingMillis = (System.nanoTime() - started) / 1_000_000;
    await().atMost(20, TimeUnit.SECONDS).until(() -> !queue.busy());
    assertThat(maxConcurrent).hasValue(1);
    // 80 submissions over ~300 ms (longer on a loaded machine), runs of 100 ms: coalesced into
    // at most one run per 100 ms of submitting, plus the one pending at the end
    assertThat(runs.get()).isBetween(2, (int) Math.min(40, submittingMillis / 100 + 2));
  }

  @Test
  void coalescesABurstArrivingDuringARunIntoOneNextRun() throws Exception {
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Trigger> seen = new CopyOnWriteArrayList<>();
    queue(
        trigger -> {
          seen.add(trigger);
          firstStarted.countDown();
          block(release);
          return TestReports.of(Report.Result.SYNCED);
        });
    queue.submit(Trigger.full("startup"));
    assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 50; i++) {
      queue.submit(Trigger.namespaces("namespace-event", Set.of("team-" + i)));
    }
    release.countDown();
    await().atMost(20, TimeUnit.SECONDS).until(() -> seen.size() == 2 && !queue.busy());
    Thread.sleep(100);
    assertThat(seen).hasSize(2);
    Trigger merged = seen.get(1);
    assertThat(merged.namespaces()).hasSize(50).contains("team-0", "team-49");
    assertThat(merged.reason()).isEqualTo("namespace-event");
    assertThat(merged.fetch()).isFalse();
  }

  @Test
  void retriesAFailingRunWithGrowingDelaysAndLogsTheStateOnce() {
    ListAppender<ILoggingEvent> logs = capture();
    List<Long> startedAt = new CopyOnWriteArrayList<>();
    AtomicInteger attempts = new AtomicInteger();
    queue(
        trigger -> {
          startedAt.add(System.nanoTime());
          if (attempts.incrementAndGet() <= 5) {
            return TestReports.of(Report.Result.FAILED, "fetch: git server unreachable");
          }
          return TestReports.of(Report.Result.SYNCED);
        });
    queue.submit(Trigger.full("startup"));
    await().atMost(20, TimeUnit.SECONDS).until(() -> attempts.get() == 6 && !queue.busy());
    long firstGap = startedAt.get(1) - startedAt.get(0);
    long lastGap = startedAt.get(5) - startedAt.get(4);
    // backoff 20 ms doubling to the 80 ms cap; the queue's clock counts whole milliseconds
    assertThat(Duration.ofNanos(firstGap)).isGreaterThanOrEqualTo(Duration.ofMillis(18));
    assertThat(Duration.ofNanos(lastGap)).isGreaterThanOrEqualTo(Duration.ofMillis(78));
    List<String> warnings =
        logs.list.stream()
            .filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains("Failed: fetch: git server unreachable");
    assertThat(logs.list).anyMatch(e -> e.getFormattedMessage().startsWith("Recovered after 5"));
  }

  @Test
  void aRunnerThatThrowsIsRetriedAndItsMessageIsNotLogged() {
    ListAppender<ILoggingEvent> logs = capture();
    AtomicInteger attempts = new AtomicInteger();
    queue(
        trigger -> {
          if (attempts.incrementAndGet() <= 2) {
            throw new IllegalStateException("password=CANARY-hunter2");
          }
          return TestReports.of(Report.Result.SYNCED);
        });
    queue.submit(Trigger.full("startup"));
    await().atMost(20, TimeUnit.SECONDS).until(() -> attempts.get() == 3 && !queue.busy());
    assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains("CANARY"));
    assertThat(logs.list)
        .filteredOn(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
        .hasSize(1);
  }

  @Test
  void runsNothingWhileInactiveAndAbandonsTheRunningReconcileWhenDeactivated() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicInteger interrupted = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    queue(
        trigger -> {
          runs.incrementAndGet();
          started.countDown();
          try {
            Thread.sleep(10_000);
          } catch (InterruptedException e) {
            interrupted.incrementAndGet();
            Thread.currentThread().interrupt();
          }
          return TestReports.of(Report.Result.SYNCED);
        });
    queue.submit(Trigger.full("startup"));
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    queue.deactivate();
    await().atMost(20, TimeUnit.SECONDS).until(() -> interrupted.get() == 1 && !queue.busy());
    queue.submit(Trigger.full("schedule"));
    Thread.sleep(200);
    assertThat(runs).hasValue(1);
  }

  @Test
  void recordsTheRunIdInTheLogContextDuringARun() {
    List<String> runIds = new CopyOnWriteArrayList<>();
    queue(
        trigger -> {
          runIds.add(String.valueOf(org.slf4j.MDC.get("runId")));
          return TestReports.of(Report.Result.SYNCED);
        });
    queue.submit(Trigger.full("startup"));
    await().atMost(20, TimeUnit.SECONDS).until(() -> runIds.size() == 1);
    assertThat(runIds.get(0)).matches("[0-9a-f]{8}");
  }

  private static ListAppender<ILoggingEvent> capture() {
    Logger logger = (Logger) LoggerFactory.getLogger(ReconcileQueue.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
    return appender;
  }

  private static void block(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
