package dev.pullsync.config;

import dev.pullsync.desired.Instance;
import dev.pullsync.spec.Mode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The agent configuration, every field filled (defaults where the file says nothing). Field names
 * and defaults are those of {@code agent-config.schema.json} and {@code docs/configuration.md}.
 * Command-line flags win over the file: build the merged value with the {@code with...} methods.
 *
 * <p>Each section of the file is a record in its own file ({@link GitSettings}, {@link
 * KeySettings}, {@link ReportSettings}, {@link HttpSettings}, ...).
 *
 * @param cluster this cluster's name; the report goes to {@code status/<cluster>.*}
 * @param namespace the agent's own namespace (the recommended namespace-wide sealing scope)
 * @param instance this agent's ownership identity; empty: derived from namespace and cluster (see
 *     {@link #instanceName()})
 * @param schedule Quartz cron expression for full reconciles (already checked to parse)
 */
public record AgentConfig(
    String cluster,
    String namespace,
    Optional<String> instance,
    Mode mode,
    GitSettings git,
    String schedule,
    KeySettings keys,
    ReportSettings report,
    PruneSettings prune,
    HttpSettings http,
    WebhookSettings webhook,
    LeaderElectionSettings leaderElection,
    KubernetesSettings kubernetes,
    CheckSettings checks,
    LogFormat logFormat,
    ResealSettings reseal) {
  public static final String DEFAULT_SCHEDULE = "0 */5 * * * ?";

  public AgentConfig {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(git, "git");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(prune, "prune");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(webhook, "webhook");
    Objects.requireNonNull(leaderElection, "leaderElection");
    Objects.requireNonNull(kubernetes, "kubernetes");
    Objects.requireNonNull(checks, "checks");
    Objects.requireNonNull(logFormat, "logFormat");
    Objects.requireNonNull(reseal, "reseal");
  }

  /** The configuration of an empty file. */
  public static AgentConfig defaults() {
    return new AgentConfig(
        "default",
        "pullsync",
        Optional.empty(),
        Mode.ENFORCE,
        GitSettings.defaults(),
        DEFAULT_SCHEDULE,
        new KeySettings(List.of(), new KeySettings.FromCluster(false, "kube-system")),
        new ReportSettings(
            true,
            "pullsync-status",
            "",
            new ReportSettings.Author("pullsync", "pullsync@localhost")),
        new PruneSettings(true, 0.25),
        new HttpSettings("0.0.0.0", 8080),
        new WebhookSettings(Optional.empty()),
        new LeaderElectionSettings(false, "pullsync", 15, 10, 2),
        new KubernetesSettings(50, 100, 8),
        new CheckSettings(true, Map.of()),
        LogFormat.TEXT,
        new ResealSettings(false));
  }

  /** Log line format. */
  public enum LogFormat {
    TEXT,
    JSON
  }

  public AgentConfig withCluster(String value) {
    return edit(d -> d.cluster = value);
  }

  public AgentConfig withNamespace(String value) {
    return edit(d -> d.namespace = value);
  }

  /** The instance as configured, else {@code <namespace>.<cluster>} ({@link Instance#derived}). */
  public Instance instanceName() {
    return instance.map(Instance::new).orElseGet(() -> Instance.derived(namespace, cluster));
  }

  public AgentConfig withInstance(String value) {
    return edit(d -> d.instance = Optional.of(value));
  }

  public AgentConfig withMode(Mode value) {
    return edit(d -> d.mode = value);
  }

  public AgentConfig withGit(GitSettings value) {
    return edit(d -> d.git = value);
  }

  public AgentConfig withSchedule(String value) {
    return edit(d -> d.schedule = value);
  }

  public AgentConfig withKeys(KeySettings value) {
    return edit(d -> d.keys = value);
  }

  public AgentConfig withReport(ReportSettings value) {
    return edit(d -> d.report = value);
  }

  public AgentConfig withHttp(HttpSettings value) {
    return edit(d -> d.http = value);
  }

  public AgentConfig withLogFormat(LogFormat value) {
    return edit(d -> d.logFormat = value);
  }

  /** A copy with some fields replaced: one place that lists every field. */
  private AgentConfig edit(Consumer<AgentConfigDraft> change) {
    AgentConfigDraft draft = new AgentConfigDraft(this);
    change.accept(draft);
    return draft.build();
  }
}
