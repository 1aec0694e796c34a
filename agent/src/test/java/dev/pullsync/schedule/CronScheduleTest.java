package dev.pullsync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pullsync.reconcile.Trigger;
import dev.pullsync.report.Report;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.quartz.CronExpression;
import org.quartz.DisallowConcurrentExecution;

class CronScheduleTest {

  @Test
  void parsesTheDefaultEveryFiveMinutes() {
    CronExpression cron = CronSchedule.parse(CronSchedule.DEFAULT_CRON);
    Date next = cron.getNextValidTimeAfter(Date.from(Instant.parse("2026-11-26T12:01:30Z")));
    assertThat(next.toInstant()).isEqualTo(Instant.parse("2026-11-26T12:05:00Z"));
  }

  @Test
  void rejectsAFiveFieldUnixCronWithTheFieldNamed() {
    assertThatThrownBy(() -> CronSchedule.parse("*/5 * * * *"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("schedule: '*/5 * * * *' is not a Quartz cron expression");
  }

  @Test
  void theJobNeverRunsConcurrently() {
    assertThat(CronSchedule.ScheduledReconcile.class)
        .hasAnnotation(DisallowConcurrentExecution.class);
  }

  @Test
  void firesFullReconcilesIntoTheQueue() {
    List<Trigger> seen = new CopyOnWriteArrayList<>();
    ReconcileQueue queue =
        new ReconcileQueue(
            t -> {
              seen.add(t);
              return TestReports.of(Report.Result.SYNCED);
            },
            ReconcileQueue.RunListener.NONE,
            Backoff.DEFAULT,
            Clock.systemUTC(),
            RunIds.from(new Random(2)));
    queue.activate();
    try (CronSchedule schedule = CronSchedule.start("* * * * * ?", queue)) {
      assertThat(schedule.running()).isTrue();
      await().atMost(20, TimeUnit.SECONDS).until(() -> seen.size() >= 2);
      assertThat(schedule.misfireInstruction())
          .isEqualTo(org.quartz.CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
    } finally {
      queue.close(Duration.ofSeconds(2));
    }
    assertThat(seen).allSatisfy(t -> assertThat(t).isEqualTo(Trigger.full("schedule")));
  }
}
