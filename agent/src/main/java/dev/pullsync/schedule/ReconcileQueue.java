package dev.pullsync.schedule;

import dev.pullsync.reconcile.ReconcileRunner;
import dev.pullsync.reconcile.Trigger;
import dev.pullsync.report.Report;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one way into a reconcile: every trigger (cron, namespace events, webhook, startup) is
 * submitted here. At most one reconcile runs at a time; triggers that arrive meanwhile coalesce
 * ({@link Trigger#merge}) into one next run. A failing run is retried with capped exponential
 * backoff kept per namespace ({@link Retries}): a run degraded by objects in some namespaces
 * retries only those, each on its own backoff, and a namespace event for any other namespace runs
 * at once. Only a run that failed as a whole (Git, an invalid revision) holds back full and
 * fetching triggers. A failure is logged once per change of state, not once per attempt.
 *
 * <p>The queue only runs while {@linkplain #activate() active} (the leader, or always without
 * leader election); {@link #deactivate()} abandons the current run at once by interrupting it.
 */
public final class ReconcileQueue implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReconcileQueue.class);
  private static final AtomicLong WORKERS = new AtomicLong();

  private final ReconcileRunner runner;
  private final RunListener listener;
  private final Retries retries;
  private final PendingTriggers pending;
  private final FailureLog failureLog = new FailureLog();
  private final Clock clock;
  private final RunIds runIds;
  private final Object lock = new Object();
  private final Thread worker;

  // Guarded by lock, as are retries, pending and failureLog.
  private boolean active;
  private boolean closed;
  private boolean running;
  private long turnedAtMillis;
  private String lastRevision = "";

  public ReconcileQueue(
      ReconcileRunner runner, RunListener listener, Backoff backoff, Clock clock, RunIds runIds) {
    this.runner = Objects.requireNonNull(runner, "runner");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.retries = new Retries(Objects.requireNonNull(backoff, "backoff"));
    this.pending = new PendingTriggers(retries);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.runIds = Objects.requireNonNull(runIds, "runIds");
    this.worker = new Thread(this::work, "pullsync-reconcile-" + WORKERS.incrementAndGet());
    this.worker.setDaemon(true);
    this.turnedAtMillis = clock.millis();
    this.worker.start();
  }

  /** Queues a reconcile, merging it into the one already pending, if any. */
  public void submit(Trigger trigger) {
    Objects.requireNonNull(trigger, "trigger");
    synchronized (lock) {
      if (closed) {
        return;
      }
      pending.add(trigger);
      lock.notifyAll();
    }
  }

  /** Starts running queued reconciles (this replica leads, or there is no election). */
  public void activate() {
    synchronized (lock) {
      if (!active) {
        turnedAtMillis = clock.millis();
      }
      active = true;
      lock.notifyAll();
    }
  }

  /** Stops at once: the running reconcile is interrupted and nothing new starts until activated. */
  public void deactivate() {
    synchronized (lock) {
      active = false;
      if (running) {
        worker.interrupt();
      }
    }
  }

  /** True while a reconcile is running. */
  public boolean busy() {
    synchronized (lock) {
      return running;
    }
  }

  /**
   * Stops the queue: nothing new starts, the running reconcile gets {@code grace} to finish and is
   * then interrupted (abandoned).
   */
  public void close(Duration grace) {
    synchronized (lock) {
      closed = true;
      pending.clear();
      lock.notifyAll();
    }
    try {
      worker.join(Math.max(1, grace.toMillis()));
      if (worker.isAlive()) {
        log.warn("Reconcile still running after {} s: abandoning it", grace.toSeconds());
        worker.interrupt();
        worker.join(5_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  /**
   * What the watchdog reads: whether the worker thread lives, whether it should be working, and
   * since when it has been running the current reconcile (or, idle, since the last one ended).
   */
  public record Pulse(boolean alive, boolean active, boolean running, long sinceMillis) {}

  /** The worker's pulse now. */
  public Pulse pulse() {
    synchronized (lock) {
      return new Pulse(worker.isAlive(), active && !closed, running, turnedAtMillis);
    }
  }

  /**
   * The loop never ends but by {@link #close}: whatever a run throws is reported, then the next.
   */
  private void work() {
    while (true) {
      try {
        Trigger trigger = take();
        if (trigger == null) {
          return;
        }
        runOnce(trigger);
      } catch (ThreadDeath death) {
        throw death; // Thread.stop(): the one request to die that is honoured
      } catch (Throwable t) {
        log.error("Reconcile loop caught {}; carrying on", t.getClass().getName());
        synchronized (lock) {
          running = false;
          turnedAtMillis = clock.millis();
        }
      }
    }
  }

  /** Waits for a pending trigger this queue may run now; null once closed. */
  private Trigger take() {
    synchronized (lock) {
      while (true) {
        if (closed) {
          return null;
        }
        long now = clock.millis();
        Trigger next = active ? pending.takeReady(now) : null;
        if (next != null) {
          running = true;
          turnedAtMillis = clock.millis();
          Thread.interrupted(); // a deactivate() aimed at the previous run must not hit this one
          return next;
        }
        long wake = pending.wakeAtMillis();
        try {
          lock.wait(active && wake != Long.MAX_VALUE ? Math.max(1, wake - now) : 0);
        } catch (InterruptedException e) {
          // deactivate() without a running reconcile: just look again
        }
      }
    }
  }

  private void runOnce(Trigger trigger) {
    String runId = runIds.next();
    MDC.put("runId", runId);
    MDC.put("revision", lastRevisionSnapshot());
    long start = System.nanoTime();
    RunOutcome outcome;
    try {
      log.info("Reconcile started ({}{})", trigger.reason(), scope(trigger));
      Report report = runner.run(trigger);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      MDC.put("revision", report.revision());
      outcome = RunOutcome.of(report);
      log.info("Reconcile finished: {} in {} ms", report.result().display(), took.toMillis());
      listener.finished(trigger, report, took);
      synchronized (lock) {
        lastRevision = report.revision();
      }
    } catch (ThreadDeath death) {
      throw death;
    } catch (RuntimeException | Error e) {
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      outcome = RunOutcome.of(e);
      if (e instanceof Error) {
        log.error("Reconcile died with {}: reported as failed", e.getClass().getName());
      }
      listener.failed(trigger, e, took);
    } finally {
      MDC.remove("runId");
      MDC.remove("revision");
    }
    settle(trigger, outcome);
  }

  /** Records the outcome: backoff and a retry on failure, one log line per change of state. */
  private void settle(Trigger trigger, RunOutcome outcome) {
    synchronized (lock) {
      running = false;
      turnedAtMillis = clock.millis();
      boolean abandoned = Thread.interrupted() && (!active || closed);
      if (abandoned) {
        log.info("Reconcile abandoned: {}", closed ? "shutting down" : "leadership lost");
        pending.add(trigger);
        return;
      }
      Duration delay = retries.record(trigger, outcome, clock.millis());
      if (outcome.failing()) {
        failureLog.failed(outcome, delay);
      } else if (retries.idle()) {
        failureLog.recovered(outcome);
      }
    }
  }

  private String lastRevisionSnapshot() {
    synchronized (lock) {
      return lastRevision;
    }
  }

  private static String scope(Trigger trigger) {
    return trigger.isFull() ? "" : ", namespaces " + String.join(",", trigger.namespaces());
  }

  /** What the agent does with each finished run: metrics, readiness. */
  public interface RunListener {
    /** A run that produced a report (whatever its result). */
    default void finished(Trigger trigger, Report report, Duration took) {}

    /** A run that threw (an exception, or an {@code Error} such as a stack overflow). */
    default void failed(Trigger trigger, Throwable error, Duration took) {}

    RunListener NONE = new RunListener() {};

    /** Tells every listener, in order. */
    static RunListener all(RunListener... listeners) {
      java.util.List<RunListener> list = java.util.List.of(listeners);
      return new RunListener() {
        @Override
        public void finished(Trigger trigger, Report report, Duration took) {
          list.forEach(l -> l.finished(trigger, report, took));
        }

        @Override
        public void failed(Trigger trigger, Throwable error, Duration took) {
          list.forEach(l -> l.failed(trigger, error, took));
        }
      };
    }
  }
}
