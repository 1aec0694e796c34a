package dev.pullsync.config;

import dev.pullsync.desired.Instance;
import dev.pullsync.spec.Mode;
import java.nio.file.Path;
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
 * <p>Each section of the file is a record: the spec repository's, the keys' and the report's are
 * nested here ({@link Git}, {@link Keys}, {@link Report}); the others have their own files ({@link
 * HttpSettings}, {@link KubernetesSettings}, ...).
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
        Git.defaults(),
        DEFAULT_SCHEDULE,
        new Keys(List.of(), new FromCluster(false, "kube-system")),
        new Report(true, "pullsync-status", "", new Author("pullsync", "pullsync@localhost")),
        new PruneSettings(true, 0.25),
        new HttpSettings("0.0.0.0", 8080),
        new WebhookSettings(Optional.empty()),
        new LeaderElectionSettings(false, "pullsync", 15, 10, 2),
        new KubernetesSettings(50, 100, 8),
        new CheckSettings(true, Map.of()),
        LogFormat.TEXT,
        new ResealSettings(false));
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
