package dev.pullsync.schedule;

import dev.pullsync.reconcile.Trigger;
import java.text.ParseException;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * The periodic full reconcile: a Quartz cron trigger (in-memory job store, its own one-thread pool)
 * whose job only submits {@code Trigger.full("schedule")} to the {@link ReconcileQueue}. Missed
 * fire times are skipped, never replayed in a burst.
 */
public final class CronSchedule implements AutoCloseable {
  /** Every 5 minutes, at second 0. */
  public static final String DEFAULT_CRON = "0 */5 * * * ?";

  private static final AtomicLong INSTANCES = new AtomicLong();
  private static final String QUEUE_KEY = "pullsync.queue";

  private final Scheduler scheduler;

  private CronSchedule(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * Checks a Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year]).
   *
   * @throws IllegalArgumentException naming the problem, for invalid input
   */
  public static CronExpression parse(String cron) {
    Objects.requireNonNull(cron, "cron");
    try {
      return new CronExpression(cron);
    } catch (ParseException e) {
      throw new IllegalArgumentException(
          "schedule: '" + cron + "' is not a Quartz cron expression: " + e.getMessage(), e);
    }
  }

  /** Starts firing {@code cron} into {@code queue}. */
  public static CronSchedule start(String cron, ReconcileQueue queue) {
    CronExpression expression = parse(cron);
    try {
      Scheduler scheduler = new StdSchedulerFactory(properties()).getScheduler();
      scheduler.getContext().put(QUEUE_KEY, queue);
      JobDetail job = JobBuilder.newJob(ScheduledReconcile.class).withIdentity("reconcile").build();
      org.quartz.Trigger trigger =
          TriggerBuilder.newTrigger()
              .withIdentity("cron")
              .withSchedule(
                  CronScheduleBuilder.cronSchedule(expression)
                      .withMisfireHandlingInstructionDoNothing())
              .build();
      scheduler.scheduleJob(job, trigger);
      scheduler.start();
      return new CronSchedule(scheduler);
    } catch (SchedulerException e) {
      throw new IllegalStateException("could not start the Quartz scheduler", e);
    }
  }

  private static Properties properties() {
    Properties p = new Properties();
    p.setProperty(
        StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "pullsync-" + INSTANCES.incrementAndGet());
    p.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.simpl.RAMJobStore");
    p.setProperty(StdSchedulerFactory.PROP_THREAD_POOL_CLASS, "org.quartz.simpl.SimpleThreadPool");
    p.setProperty("org.quartz.threadPool.threadCount", "1");
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "1000");
    return p;
  }

  /** True while the scheduler fires. */
  public boolean running() {
    try {
      return scheduler.isStarted() && !scheduler.isShutdown();
    } catch (SchedulerException e) {
      return false;
    }
  }

  /** The cron trigger's misfire instruction (Quartz constant): "do nothing", i.e. skip. */
  int misfireInstruction() {
    try {
      return scheduler.getTrigger(org.quartz.TriggerKey.triggerKey("cron")).getMisfireInstruction();
    } catch (SchedulerException e) {
      throw new IllegalStateException("scheduler unavailable", e);
    }
  }

  /** Stops firing; does not wait for the queue (the queue has its own shutdown). */
  @Override
  public void close() {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("could not stop the Quartz scheduler", e);
    }
  }

  /** The Quartz job: hands a full reconcile to the queue and returns at once. */
  @DisallowConcurrentExecution
  public static final class ScheduledReconcile implements Job {
    @Override
    public void execute(JobExecutionContext context) {
      try {
        ((ReconcileQueue) context.getScheduler().getContext().get(QUEUE_KEY))
            .submit(Trigger.full("schedule"));
      } catch (SchedulerException e) {
        throw new IllegalStateException("scheduler context unavailable", e);
      }
    }
  }
}
