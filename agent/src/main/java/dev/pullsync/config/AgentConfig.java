package dev.pullsync.config;

import dev.pullsync.desired.Instance;
import dev.pullsync.spec.Mode;
import java.nio.file.Path;
import java.time.Duration;
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
    Git git,
    String schedule,
    Keys keys,
    Report report,
    Prune prune,
    Http http,
    Webhook webhook,
    LeaderElection leaderElection,
    Kubernetes kubernetes,
    Checks checks,
    LogFormat logFormat,
    Reseal reseal) {
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
        Git.defaults(),
        DEFAULT_SCHEDULE,
        new Keys(List.of(), new FromCluster(false, "kube-system")),
        new Report(true, "pullsync-status", "", new Author("pullsync", "pullsync@localhost")),
        new Prune(true, 0.25),
        new Http("0.0.0.0", 8080),
        new Webhook(Optional.empty()),
        new LeaderElection(false, "pullsync", 15, 10, 2),
        new Kubernetes(50, 100, 8),
        new Checks(true, Map.of()),
        LogFormat.TEXT,
        new Reseal(false));
  }

  /**
   * The spec repository.
   *
   * @param url repository URL or local path; empty when only a flag ({@code --repo}) gives it
   * @param path directory inside the repository holding the spec; "" is the root
   * @param workDir where the clone lives; empty: a temporary directory
   */
  public record Git(
      Optional<String> url,
      String branch,
      String path,
      Optional<Path> workDir,
      Auth auth,
      Verify verify) {
    public Git {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(branch, "branch");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(workDir, "workDir");
      Objects.requireNonNull(auth, "auth");
      Objects.requireNonNull(verify, "verify");
    }

    static Git defaults() {
      Optional<Path> none = Optional.empty();
      return new Git(
          Optional.empty(),
          "main",
          "",
          none,
          new Auth(none, none, none, none, none),
          new Verify(VerifyMode.NONE, none));
    }

    public Git withUrl(String newUrl) {
      return new Git(Optional.of(newUrl), branch, path, workDir, auth, verify);
    }

    public Git withBranch(String newBranch) {
      return new Git(url, newBranch, path, workDir, auth, verify);
    }

    public Git withPath(String newPath) {
      return new Git(url, branch, newPath, workDir, auth, verify);
    }
  }

  /** Git credentials, each read from a file (a mounted Secret); empty: not used. */
  public record Auth(
      Optional<Path> tokenFile,
      Optional<Path> usernameFile,
      Optional<Path> passwordFile,
      Optional<Path> sshKeyFile,
      Optional<Path> knownHostsFile) {
    public Auth {
      Objects.requireNonNull(tokenFile, "tokenFile");
      Objects.requireNonNull(usernameFile, "usernameFile");
      Objects.requireNonNull(passwordFile, "passwordFile");
      Objects.requireNonNull(sshKeyFile, "sshKeyFile");
      Objects.requireNonNull(knownHostsFile, "knownHostsFile");
    }
  }

  /** Commit-signature verification; {@code keysFile} is set whenever {@code mode} is HEAD. */
  public record Verify(VerifyMode mode, Optional<Path> keysFile) {
    public Verify {
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(keysFile, "keysFile");
    }
  }

  /** none: no check; head: the fetched head commit must carry a good trusted signature. */
  public enum VerifyMode {
    NONE,
    HEAD
  }

  /** Where private keys come from: PEM/Secret/backup files and/or the controller's key Secrets. */
  public record Keys(List<Path> files, FromCluster fromCluster) {
    public Keys {
      files = List.copyOf(files);
      Objects.requireNonNull(fromCluster, "fromCluster");
    }
  }

  /** Read the sealed-secrets controller's key Secrets from {@code namespace}. */
  public record FromCluster(boolean enabled, String namespace) {
    public FromCluster {
      Objects.requireNonNull(namespace, "namespace");
    }
  }

  /**
   * The report written back to Git.
   *
   * @param path "" writes {@code status/<cluster>.*} on {@code branch}; non-empty writes on the
   *     source branch under this directory instead
   */
  public record Report(boolean enabled, String branch, String path, Author author) {
    public Report {
      Objects.requireNonNull(branch, "branch");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(author, "author");
    }
  }

  /** Commit author of report commits. */
  public record Author(String name, String email) {
    public Author {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(email, "email");
    }
  }

  /** Pruning, refused when a revision would delete more than {@code maxDeleteShare} (0..1). */
  public record Prune(boolean enabled, double maxDeleteShare) {}

  /** Listen address and port of health, metrics and webhook. */
  public record Http(String address, int port) {
    public Http {
      Objects.requireNonNull(address, "address");
    }
  }

  /** The Git push webhook; empty {@code secretFile}: no webhook. */
  public record Webhook(Optional<Path> secretFile) {
    public Webhook {
      Objects.requireNonNull(secretFile, "secretFile");
    }
  }

  /** Lease-based leader election among replicas. */
  public record LeaderElection(
      boolean enabled,
      String leaseName,
      int leaseDurationSeconds,
      int renewDeadlineSeconds,
      int retryPeriodSeconds) {
    public LeaderElection {
      Objects.requireNonNull(leaseName, "leaseName");
    }
  }

  /**
   * Kubernetes client limits.
   *
   * @param resyncInterval how often the caches are re-listed (three LISTs) so an event a watch
   *     missed is still repaired; default {@link #DEFAULT_RESYNC}
   */
  public record Kubernetes(double qps, int burst, int writeConcurrency, Duration resyncInterval) {
    /** 30 minutes. */
    public static final Duration DEFAULT_RESYNC = Duration.ofMinutes(30);

    public Kubernetes {
      Objects.requireNonNull(resyncInterval, "resyncInterval");
    }

    public Kubernetes(double qps, int burst, int writeConcurrency) {
      this(qps, burst, writeConcurrency, DEFAULT_RESYNC);
    }
  }

  /**
   * Checks before rollout.
   *
   * @param registryLogin log in to a registry's /v2/ with a new credential before rolling it out
   * @param endpoints where that login dials a server ({@code server -> host:port}, a mirror
   *     setting); plain http is chosen per registry by its {@code spec.insecure}
   */
  public record Checks(boolean registryLogin, Map<String, String> endpoints) {
    public Checks {
      endpoints = Map.copyOf(endpoints);
    }
  }

  /**
   * After a key renewal.
   *
   * @param pushBranch push the spec's values re-sealed for the active key to a branch {@code
   *     pullsync/reseal-<key id>} of the spec's remote (never the spec branch), for a pull request
   */
  public record Reseal(boolean pushBranch) {}

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

  public AgentConfig withGit(Git value) {
    return edit(d -> d.git = value);
  }

  public AgentConfig withSchedule(String value) {
    return edit(d -> d.schedule = value);
  }

  public AgentConfig withKeys(Keys value) {
    return edit(d -> d.keys = value);
  }

  public AgentConfig withReport(Report value) {
    return edit(d -> d.report = value);
  }

  public AgentConfig withHttp(Http value) {
    return edit(d -> d.http = value);
  }

  public AgentConfig withLogFormat(LogFormat value) {
    return edit(d -> d.logFormat = value);
  }

  /** A copy with some fields replaced: one place that lists every field. */
  private AgentConfig edit(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.build();
  }

  /** A mutable copy used only inside {@link #edit}. */
  private static final class Draft {
    private String cluster;
    private String namespace;
    private Optional<String> instance;
    private Mode mode;
    private Git git;
    private String schedule;
    private Keys keys;
    private Report report;
    private Prune prune;
    private Http http;
    private Webhook webhook;
    private LeaderElection leaderElection;
    private Kubernetes kubernetes;
    private Checks checks;
    private LogFormat logFormat;
    private Reseal reseal;

    Draft(AgentConfig c) {
      cluster = c.cluster;
      namespace = c.namespace;
      instance = c.instance;
      mode = c.mode;
      git = c.git;
      schedule = c.schedule;
      keys = c.keys;
      report = c.report;
      prune = c.prune;
      http = c.http;
      webhook = c.webhook;
      leaderElection = c.leaderElection;
      kubernetes = c.kubernetes;
      checks = c.checks;
      logFormat = c.logFormat;
      reseal = c.reseal;
    }

    AgentConfig build() {
      return new AgentConfig(
          cluster,
          namespace,
          instance,
          mode,
          git,
          schedule,
          keys,
          report,
          prune,
          http,
          webhook,
          leaderElection,
          kubernetes,
          checks,
          logFormat,
          reseal);
    }
  }
}
