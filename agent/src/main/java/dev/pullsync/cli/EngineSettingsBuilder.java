package dev.pullsync.cli;

import dev.pullsync.apply.ApplyOptions;
import dev.pullsync.check.LoginSettings;
import dev.pullsync.config.AgentConfig;
import dev.pullsync.config.GitSettings;
import dev.pullsync.plan.Policy;
import dev.pullsync.reconcile.EngineSettings;
import dev.pullsync.report.PublisherSettings;
import dev.pullsync.report.ReportPublisher;
import dev.pullsync.report.ReportTarget;
import dev.pullsync.report.Reporter;
import dev.pullsync.source.CommitVerifier;
import dev.pullsync.source.GitAuth;
import dev.pullsync.source.HeadSignatureVerifier;
import dev.pullsync.source.SourceOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Turns the merged agent configuration (file plus flags, from {@link SharedOptions#config()}) into
 * an {@link EngineSettings} and a {@link Reporter}; a bad value becomes a {@link
 * ParameterException} of {@code commandLine}.
 */
final class EngineSettingsBuilder {
  private final CommandLine commandLine;
  private final AgentConfig c;
  private final Path workDir;
  private final boolean registryCheck;
  private final Supplier<Policy> policy;

  EngineSettingsBuilder(
      CommandLine commandLine,
      AgentConfig config,
      Path workDir,
      boolean registryCheck,
      Supplier<Policy> policy) {
    this.commandLine = commandLine;
    this.c = config;
    this.workDir = workDir;
    this.registryCheck = registryCheck;
    this.policy = policy;
  }

  EngineSettings engineSettings() {
    String url =
        c.git()
            .url()
            .filter(u -> !u.isBlank())
            .orElseThrow(
                () ->
                    new ParameterException(
                        commandLine, "Missing required option: '--repo' (or git.url)"));
    SourceOptions source =
        new SourceOptions(url, c.git().branch(), c.git().path(), workDir, gitAuth(), verifier())
            .withExcludedPath(
                c.report().enabled()
                    ? reportTarget(url).excludedSpecPath(url, c.git().branch())
                    : Optional.empty());
    return new EngineSettings(
        source,
        c.cluster(),
        c.namespace(),
        c.keys().files(),
        c.keys().fromCluster().enabled(),
        c.keys().fromCluster().namespace(),
        policy.get(),
        new ApplyOptions(
            c.kubernetes().writeConcurrency(),
            5,
            Duration.ofMillis(100),
            c.kubernetes().qps(),
            c.kubernetes().burst()),
        Duration.ofSeconds(30),
        new LoginSettings(c.checks().registryLogin() && registryCheck, c.checks().endpoints()),
        instance(),
        c.kubernetes().resyncInterval(),
        new EngineSettings.ResealPush(
            c.reseal().pushBranch(), c.report().author().name(), c.report().author().email()));
  }

  /** The report publisher, or a disabled reporter when the report is off. */
  Reporter reporter(Clock clock) {
    if (!c.report().enabled()) {
      return Reporter.disabled();
    }
    EngineSettings engine = engineSettings();
    ReportTarget where = reportTarget(engine.source().repo());
    PublisherSettings settings =
        PublisherSettings.defaults(where, workDir.resolve("report"))
            .withAuthor(c.report().author().name(), c.report().author().email());
    return new ReportPublisher(settings, gitAuth(), clock, new SecureRandom());
  }

  private String instance() {
    try {
      return c.instanceName().name();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(commandLine, "--instance: " + e.getMessage());
    }
  }

  /**
   * {@code report.path} empty: {@code status/} on the report branch; else that directory on the
   * source branch (which the source then excludes from the spec).
   */
  private ReportTarget reportTarget(String url) {
    return c.report().path().isBlank()
        ? new ReportTarget(url, c.report().branch(), ReportTarget.DEFAULT_DIRECTORY)
        : new ReportTarget(url, c.git().branch(), c.report().path());
  }

  private GitAuth gitAuth() {
    GitSettings.Auth auth = c.git().auth();
    try {
      return GitAuth.fromFiles(
          auth.tokenFile(),
          auth.usernameFile(),
          auth.passwordFile(),
          auth.sshKeyFile(),
          auth.knownHostsFile(),
          workDir);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(commandLine, e.getMessage());
    }
  }

  /** {@code git.verify.mode: head}: the pinned commit must be signed by a key in keysFile. */
  private CommitVerifier verifier() {
    GitSettings.Verify verify = c.git().verify();
    if (verify.mode() != GitSettings.VerifyMode.HEAD) {
      return CommitVerifier.ACCEPT_ALL;
    }
    Path keys =
        verify
            .keysFile()
            .orElseThrow(
                () ->
                    new ParameterException(
                        commandLine, "git.verify.keysFile: required with mode head"));
    try {
      return HeadSignatureVerifier.fromKeysFile(keys);
    } catch (IOException e) {
      throw new ParameterException(commandLine, "git.verify.keysFile: " + e.getMessage());
    }
  }
}
