package dev.pullsync.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.quartz.CronExpression;

/**
 * Liveness: the reconcile loop must keep turning. Unhealthy when the reconcile thread has died, or
 * when, while this replica should be working, one reconcile has run longer than the bound or none
 * has started or ended within it (the schedule stopped firing, or the loop is wedged). The bound is
 * derived from the schedule: three times its longest gap between runs, at least {@link #FLOOR}. A
 * replica on standby behind leader election is healthy while its thread lives.
 */
public final class Watchdog implements Supplier<Optional<String>> {
  /** The shortest bound, whatever the schedule: long enough for a large first reconcile. */
  public static final Duration FLOOR = Duration.ofMinutes(15);

  private final Supplier<ReconcileQueue.Pulse> pulse;
  private final Duration bound;
  private final Clock clock;

  public Watchdog(Supplier<ReconcileQueue.Pulse> pulse, Duration bound, Clock clock) {
    this.pulse = Objects.requireNonNull(pulse, "pulse");
    this.bound = Objects.requireNonNull(bound, "bound");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Three times the longest gap between the next dozen fire times of {@code cron}, or the floor.
   */
  public static Duration boundFor(String cron, Clock clock) {
    CronExpression expression = CronSchedule.parse(cron);
    Date at = expression.getNextValidTimeAfter(Date.from(clock.instant()));
    long longest = 0;
    for (int i = 0; i < 12 && at != null; i++) {
      Date next = expression.getNextValidTimeAfter(at);
      if (next != null) {
        longest = Math.max(longest, next.getTime() - at.getTime());
      }
      at = next;
    }
    Duration derived = Duration.ofMillis(longest).multipliedBy(3);
    return derived.compareTo(FLOOR) > 0 ? derived : FLOOR;
  }

  /** The bound in force. */
  public Duration bound() {
    return bound;
  }

  /** Empty while the loop turns, else why the agent should be restarted. */
  @Override
  public Optional<String> get() {
    ReconcileQueue.Pulse now = pulse.get();
    if (!now.alive()) {
      return Optional.of("the reconcile thread has died");
    }
    if (!now.active()) {
      return Optional.empty();
    }
    long seconds = (clock.millis() - now.sinceMillis()) / 1000;
    if (seconds <= bound.toSeconds()) {
      return Optional.empty();
    }
    return Optional.of(
        (now.running()
                ? "one reconcile has been running for " + seconds + " s"
                : "no reconcile has run for " + seconds + " s")
            + " (more than the "
            + bound.toSeconds()
            + " s the schedule allows)");
  }
}
