package dev.pullsync.http;

import dev.pullsync.reconcile.Trigger;
import dev.pullsync.report.Report;
import dev.pullsync.schedule.ReconcileQueue;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Whether the agent is ready: its informers have synced and (when it leads) the last reconcile
 * fetched, parsed and unsealed its revision. A replica on standby behind leader election is ready
 * once synced. The reason for not being ready is one line without any credential.
 */
public final class Readiness implements ReconcileQueue.RunListener {
  private final BooleanSupplier informersSynced;
  private volatile boolean leading;
  private volatile String lastRun = "no reconcile has finished yet";
  private volatile boolean lastRunGood;

  public Readiness(BooleanSupplier informersSynced) {
    this.informersSynced = Objects.requireNonNull(informersSynced, "informersSynced");
  }

  /** This replica runs reconciles (it leads, or leader election is off). */
  public void leading(boolean leading) {
    this.leading = leading;
  }

  /** Empty when ready, else why not. */
  public Optional<String> notReadyReason() {
    if (!informersSynced.getAsBoolean()) {
      return Optional.of("informers have not synced yet");
    }
    if (!leading) {
      return Optional.empty(); // standby: nothing of its own to be ready for
    }
    return lastRunGood ? Optional.empty() : Optional.of(lastRun);
  }

  @Override
  public void finished(Trigger trigger, Report report, Duration took) {
    if (report.result() == Report.Result.FAILED) {
      lastRunGood = false;
      lastRun =
          "last reconcile failed"
              + (report.errors().isEmpty()
                  ? ""
                  : ": " + report.errors().get(0).lines().findFirst().orElse(""));
    } else {
      lastRunGood = true;
      lastRun = "";
    }
  }

  @Override
  public void failed(Trigger trigger, RuntimeException error, Duration took) {
    lastRunGood = false;
    lastRun = "last reconcile failed: " + error.getClass().getSimpleName();
  }
}
