package dev.pullsync.http;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Health for Kubernetes. Readiness means "can serve": the informers have synced (and HTTP answers,
 * or no probe would reach this). It does not depend on the newest revision: an invalid revision
 * shows in the report, metrics and logs, and a pod taken out of its Service could not receive the
 * webhook of the commit that fixes it. Liveness is the {@linkplain #watchdog watchdog}'s: the
 * reconcile loop still turns. Reasons are one line without any credential.
 */
public final class Readiness {
  private final BooleanSupplier informersSynced;
  private volatile Supplier<Optional<String>> watchdog = Optional::empty;
  private volatile boolean leading;

  public Readiness(BooleanSupplier informersSynced) {
    this.informersSynced = Objects.requireNonNull(informersSynced, "informersSynced");
  }

  /** This replica runs reconciles (it leads, or leader election is off). */
  public void leading(boolean leading) {
    this.leading = leading;
  }

  /** True while this replica runs reconciles. */
  public boolean leading() {
    return leading;
  }

  /** Installs the liveness check: empty while alive, else why not. */
  public void watchdog(Supplier<Optional<String>> watchdog) {
    this.watchdog = Objects.requireNonNull(watchdog, "watchdog");
  }

  /** Empty when ready to serve, else why not. */
  public Optional<String> notReadyReason() {
    return informersSynced.getAsBoolean()
        ? Optional.empty()
        : Optional.of("informers have not synced yet");
  }

  /** Empty while alive, else why Kubernetes should restart the pod. */
  public Optional<String> notAliveReason() {
    return watchdog.get();
  }
}
