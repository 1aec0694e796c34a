package dev.pullsync.config;

import java.util.Objects;

/** The {@code leaderElection} section: lease-based leader election among replicas. */
public record LeaderElectionSettings(
    boolean enabled,
    String leaseName,
    int leaseDurationSeconds,
    int renewDeadlineSeconds,
    int retryPeriodSeconds) {
  public LeaderElectionSettings {
    Objects.requireNonNull(leaseName, "leaseName");
  }
}
