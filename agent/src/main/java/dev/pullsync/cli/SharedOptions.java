package dev.pullsync.cli;

import dev.pullsync.config.AgentConfig;
import dev.pullsync.config.AgentConfigLoader;
import dev.pullsync.config.GitSettings;
import dev.pullsync.config.KeySettings;
import dev.pullsync.config.ReportSettings;
import dev.pullsync.plan.Policy;
import dev.pullsync.reconcile.EngineSettings;
import dev.pullsync.report.Reporter;
import dev.pullsync.source.SourceOptions;
import dev.pullsync.spec.Mode;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options {@code run} and {@code plan} share (DESIGN "Options shared by run and plan"), and the
 * one place they turn into an {@link EngineSettings}, a Kubernetes client and a {@link Reporter}
 * (the settings and the reporter built by {@link EngineSettingsBuilder}).
 */
public final class SharedOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "agent configuration YAML")
  Path configFile;

  @Option(names = "--repo", paramLabel = "URL-or-path", description = "Git repository of the spec")
  String repo;

  @Option(names = "--branch", description = "branch to follow (default: main)")
  String branch;

  @Option(names = "--path", description = "spec directory in the repository (default: root)")
  String path;

  @Option(names = "--cluster", description = "this cluster's name in reports (default: default)")
  String cluster;

  @Option(
      names = "--namespace",
      description = "the agent's own namespace, the sealing scope (default: pullsync)")
  String namespace;

  @Option(
      names = "--instance",
      description =
          "this agent's ownership identity, distinct per agent in a cluster"
              + " (default: <namespace>.<cluster>)")
  String instance;

  @Option(names = "--key", paramLabel = "FILE", description = "private key file (repeatable)")
  List<Path> keys = new ArrayList<>();

  @Option(
      names = "--keys-from-cluster",
      description = "also use the sealed-secrets controller's keys")
  boolean keysFromCluster;

  @Option(names = "--mode", paramLabel = "enforce|report", description = "report: change nothing")
  String mode;

  @Option(names = "--report-branch", description = "branch the report is committed to")
  String reportBranch;

  @Option(names = "--no-report", description = "do not write the report back to Git")
  boolean noReport;

  @Option(
      names = "--no-registry-check",
      description = "do not log in to registries with new credentials before rolling them out")
  boolean noRegistryCheck;

  @Option(names = "--no-prune", description = "never delete Secrets or remove entries")
  boolean noPrune;

  @Option(
      names = "--max-delete-share",
      paramLabel = "0..1",
      description =
          "refuse removals above this share of managed Secrets or linked entries (default: 0.25)")
  Double maxDeleteShare;

  @Option(names = "--work-dir", description = "where pullsync keeps its Git clones")
  Path workDir;

  @Option(
      names = "--kubeconfig",
      description = "kubeconfig file (default: KUBECONFIG, ~/.kube/config, in-cluster)")
  Path kubeconfig;

  @Option(names = "--verbose", description = "more detail on errors (never a credential)")
  boolean verbose;

  /** The agent configuration from {@code --config} (or defaults) with every given flag on top. */
  public AgentConfig config() {
    AgentConfig c =
        configFile == null ? AgentConfig.defaults() : new AgentConfigLoader().load(configFile);
    if (cluster != null) {
      c = c.withCluster(cluster);
    }
    if (namespace != null) {
      c = c.withNamespace(namespace);
    }
    if (instance != null) {
      c = c.withInstance(instance);
    }
    if (mode != null) {
      c = c.withMode(mode());
    }
    GitSettings git = c.git();
    git = repo == null ? git : git.withUrl(repo);
    git = branch == null ? git : git.withBranch(branch);
    git = path == null ? git : git.withPath(path);
    c = c.withGit(git);
    return withReportFlags(withKeyFlags(c));
  }

  private AgentConfig withKeyFlags(AgentConfig c) {
    if (keys.isEmpty() && !keysFromCluster) {
      return c;
    }
    KeySettings.FromCluster from = c.keys().fromCluster();
    return c.withKeys(
        new KeySettings(
            keys.isEmpty() ? c.keys().files() : keys,
            new KeySettings.FromCluster(keysFromCluster || from.enabled(), from.namespace())));
  }

  private AgentConfig withReportFlags(AgentConfig c) {
    if (!noReport && reportBranch == null) {
      return c;
    }
    ReportSettings r = c.report();
    return c.withReport(
        new ReportSettings(
            r.enabled() && !noReport,
            reportBranch == null ? r.branch() : reportBranch,
            r.path(),
            r.author()));
  }

  /** The resolved engine settings (flags over the configuration file over defaults). */
  public EngineSettings engineSettings() {
    return builder().engineSettings();
  }

  /** The planning rules: mode, prune and the deletion guard (flags over the configuration). */
  public Policy policy() {
    AgentConfig c = config();
    boolean prune = c.prune().enabled() && !noPrune;
    double share = maxDeleteShare == null ? c.prune().maxDeleteShare() : share();
    return new Policy(c.mode(), prune, share);
  }

  /** The report publisher, or a disabled reporter with {@code --no-report}. */
  public Reporter reporter(Clock clock) {
    return builder().reporter(clock);
  }

  private EngineSettingsBuilder builder() {
    AgentConfig c = config();
    return new EngineSettingsBuilder(
        spec.commandLine(), c, workDir(c), !noRegistryCheck, this::policy);
  }

  /** A client from --kubeconfig, else KUBECONFIG / ~/.kube/config / in-cluster. */
  public KubernetesClient client() {
    return client(builder -> {});
  }

  /** As {@link #client()}, letting {@code customizer} add to the builder (e.g. interceptors). */
  public KubernetesClient client(Consumer<KubernetesClientBuilder> customizer) {
    KubernetesClientBuilder builder = new KubernetesClientBuilder();
    try {
      if (kubeconfig != null) {
        builder.withConfig(kubeconfigFile());
      }
      customizer.accept(builder);
      return builder.build();
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "--kubeconfig: cannot read " + kubeconfig);
    }
  }

  private Config kubeconfigFile() throws IOException {
    if (!Files.isRegularFile(kubeconfig)) {
      throw new ParameterException(
          spec.commandLine(), "--kubeconfig " + kubeconfig + ": no such file");
    }
    try {
      return Config.fromKubeconfig(Files.readString(kubeconfig));
    } catch (RuntimeException e) {
      // fabric8's messages may quote the file; it can hold a token, so name the type only.
      throw new ParameterException(
          spec.commandLine(),
          "--kubeconfig "
              + kubeconfig
              + ": not a usable kubeconfig ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  public boolean verbose() {
    return verbose;
  }

  private Path workDir(AgentConfig c) {
    if (workDir != null) {
      return workDir;
    }
    return c.git().workDir().orElse(SourceOptions.defaultWorkDir());
  }

  private Mode mode() {
    if (mode == null) {
      return Mode.ENFORCE;
    }
    return switch (mode.toLowerCase(Locale.ROOT)) {
      case "enforce" -> Mode.ENFORCE;
      case "report" -> Mode.REPORT;
      default ->
          throw new ParameterException(
              spec.commandLine(), "--mode: expected enforce or report, got '" + mode + "'");
    };
  }

  private double share() {
    if (maxDeleteShare == null) {
      return Policy.DEFAULT_MAX_DELETE_SHARE;
    }
    if (!(maxDeleteShare >= 0 && maxDeleteShare <= 1)) {
      throw new ParameterException(spec.commandLine(), "--max-delete-share: expected 0..1");
    }
    return maxDeleteShare;
  }
}
