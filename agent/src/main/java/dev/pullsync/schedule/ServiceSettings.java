package dev.pullsync.schedule;

import dev.pullsync.config.AgentConfig;
import dev.pullsync.config.LeaderElectionSettings;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the long-running agent needs beyond the reconcile itself, taken from the agent configuration
 * and its flags.
 *
 * @param schedule Quartz cron expression for the periodic full reconcile
 * @param http where {@code /healthz}, {@code /readyz}, {@code /metrics} and {@code /hooks/git}
 *     listen
 * @param webhookSecretFile file holding the Git webhook secret; empty: no webhook
 * @param leaderElection empty: this replica always works
 * @param shutdownGrace how long a running reconcile may go on after SIGTERM before it is abandoned
 */
public record ServiceSettings(
    String schedule,
    InetSocketAddress http,
    Optional<Path> webhookSecretFile,
    Optional<LeaderElection.Settings> leaderElection,
    Duration shutdownGrace,
    Backoff backoff) {
  public ServiceSettings {
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(webhookSecretFile, "webhookSecretFile");
    Objects.requireNonNull(leaderElection, "leaderElection");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    Objects.requireNonNull(backoff, "backoff");
    CronSchedule.parse(schedule);
  }

  /**
   * The service part of an agent configuration (flags already applied to it).
   *
   * @param identity this replica's name in the Lease, e.g. the pod name
   */
  public static ServiceSettings from(AgentConfig config, String identity) {
    LeaderElectionSettings le = config.leaderElection();
    Optional<LeaderElection.Settings> election =
        le.enabled()
            ? Optional.of(
                new LeaderElection.Settings(
                    config.namespace(),
                    le.leaseName(),
                    identity,
                    Duration.ofSeconds(le.leaseDurationSeconds()),
                    Duration.ofSeconds(le.renewDeadlineSeconds()),
                    Duration.ofSeconds(le.retryPeriodSeconds())))
            : Optional.empty();
    return new ServiceSettings(
        config.schedule(),
        new InetSocketAddress(config.http().address(), config.http().port()),
        config.webhook().secretFile(),
        election,
        Duration.ofSeconds(25),
        Backoff.DEFAULT);
  }

  /**
   * This replica's Lease identity: {@code POD_NAME} (downward API), else {@code HOSTNAME}, plus a
   * random suffix so that two processes on one host never share it.
   */
  public static String identity(java.util.Map<String, String> env, RunIds random) {
    String base = env.getOrDefault("POD_NAME", env.getOrDefault("HOSTNAME", "pullsync"));
    return base + "-" + random.next();
  }

  /** Defaults: every 5 minutes, port 8080 on all interfaces, no webhook, no election. */
  public static ServiceSettings defaults() {
    return new ServiceSettings(
        CronSchedule.DEFAULT_CRON,
        new InetSocketAddress(8080),
        Optional.empty(),
        Optional.empty(),
        Duration.ofSeconds(25),
        Backoff.DEFAULT);
  }

  public ServiceSettings withHttp(InetSocketAddress address) {
    return new ServiceSettings(
        schedule, address, webhookSecretFile, leaderElection, shutdownGrace, backoff);
  }

  public ServiceSettings withSchedule(String cron) {
    return new ServiceSettings(
        cron, http, webhookSecretFile, leaderElection, shutdownGrace, backoff);
  }

  public ServiceSettings withWebhookSecretFile(Path file) {
    return new ServiceSettings(
        schedule, http, Optional.of(file), leaderElection, shutdownGrace, backoff);
  }

  public ServiceSettings withLeaderElection(LeaderElection.Settings election) {
    return new ServiceSettings(
        schedule, http, webhookSecretFile, Optional.of(election), shutdownGrace, backoff);
  }

  public ServiceSettings withBackoff(Backoff retries) {
    return new ServiceSettings(
        schedule, http, webhookSecretFile, leaderElection, shutdownGrace, retries);
  }
}
