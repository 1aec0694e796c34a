package dev.pullsync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pullsync.reconcile.Trigger;
import dev.pullsync.report.Report;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A revision that fails as a whole backs schedule ticks off (minutes), but a webhook announces a
 * push, typically the fix: it runs at once, at most once per {@link Retries#PUSH_GAP_MILLIS} so a
 * burst of pushes cannot hammer a Git server that is down.
 */
class APushCutsAnInvalidRevisionsBackoffShortTest {
  private static final Backoff SLOW = new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(5));
  private ReconcileQueue queue;

  @AfterEach
  void close() {
    queue.close(Duration.ofSeconds(5));
  }

  @Test
  void aWebhookRunsAtOnceButAScheduleTickWaitsAndASecondPushWaitsForTheGap() throws Exception {
    List<Trigger> runs = new CopyOnWriteArrayList<>();
    queue =
        new ReconcileQueue(
            trigger -> {
              runs.add(trigger);
              return TestReports.of(Report.Result.FAILED, "spec/registries.yaml:3: bad field");
            },
            ReconcileQueue.RunListener.NONE,
            SLOW,
            Clock.systemUTC(),
            RunIds.from(new Random(1)));
    queue.activate();
    queue.submit(Trigger.full("startup"));
    await().atMost(20, TimeUnit.SECONDS).until(() -> runs.size() == 1 && !queue.busy());

    queue.submit(Trigger.full("schedule"));
    Thread.sleep(300);
    assertThat(runs).as("a schedule tick waits out the 2 min backoff").hasSize(1);

    queue.submit(Trigger.full(Trigger.WEBHOOK));
    await().atMost(20, TimeUnit.SECONDS).until(() -> runs.size() == 2 && !queue.busy());
    assertThat(runs.get(1).reason()).contains("webhook").contains("schedule");

    queue.submit(Trigger.full(Trigger.WEBHOOK));
    Thread.sleep(500);
    assertThat(runs).as("a second push within the gap waits").hasSize(2);
  }
}
