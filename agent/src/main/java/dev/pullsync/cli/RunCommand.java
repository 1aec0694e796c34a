package dev.pullsync.cli;

import dev.pullsync.config.AgentConfig;
import dev.pullsync.config.HttpSettings;
import dev.pullsync.http.AgentMetrics;
import dev.pullsync.live.ClusterUnavailableException;
import dev.pullsync.reconcile.Engine;
import dev.pullsync.reconcile.Trigger;
import dev.pullsync.report.Report;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pullsync run --once}: one full reconcile, a summary on stdout, exit 0 when converged, 1
 * when anything failed, 2 when the revision is invalid (nothing applied; problems on stderr).
 * Without {@code --once} the long-running agent runs (see {@link #runAgent}).
 */
@Command(
    name = "run",
    description = "Reconcile the cluster with the spec (--once: one reconcile, then exit).")
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SharedOptions shared;

  @Option(names = "--once", description = "one full reconcile, then exit")
  boolean once;

  @Option(
      names = "--schedule",
      paramLabel = "CRON",
      description = "Quartz cron for full reconciles (default: 0 */5 * * * ?)")
  String schedule;

  @Option(
      names = "--http-port",
      description =
          "port for / (status page), /healthz, /readyz, /metrics, /hooks/git (default: 8080)")
  Integer httpPort;

  @Option(names = "--log-format", paramLabel = "text|json", description = "log line format")
  String logFormat;

  @Override
  public Integer call() {
    if (!once) {
      return runAgent();
    }
    Clock clock = Clock.systemUTC();
    try (KubernetesClient client = shared.client();
        Engine engine =
            Engine.open(shared.engineSettings().oneShot(), client, shared.reporter(clock), clock)) {
      Report report = engine.reconciler().run(Trigger.full("run-once"));
      RunSummary.print(report, spec.commandLine().getOut());
      spec.commandLine().getOut().flush();
      if (engine.reconciler().invalidRevision().isPresent()) {
        engine
            .reconciler()
            .invalidRevision()
            .get()
            .problems()
            .forEach(spec.commandLine().getErr()::println);
        return ExitCode.INVALID_INPUT;
      }
      return RunSummary.exitCode(report);
    } catch (ClusterUnavailableException e) {
      spec.commandLine().getErr().println("pullsync: " + e.getMessage());
      return ExitCode.FAILED;
    }
  }

  /**
   * The long-running agent: the same engine behind the schedule, events, webhook and HTTP port (see
   * {@link ServiceMode}), until SIGTERM.
   */
  private Integer runAgent() {
    AgentConfig config = serviceConfig();
    LogFormat.parse(config.logFormat().name()).apply();
    Clock clock = Clock.systemUTC();
    AgentMetrics metrics = new AgentMetrics(clock);
    KubernetesClient client = shared.client(b -> metrics.apiRequestCounter().installOn(b));
    Engine engine;
    try {
      engine = Engine.open(shared.engineSettings(), client, shared.reporter(clock), clock, metrics);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    try {
      return ServiceMode.serve(
          config,
          client,
          engine.view(),
          engine.reconciler(),
          metrics,
          () -> {
            engine.close();
            client.close();
          });
    } catch (IllegalArgumentException e) {
      engine.close();
      client.close();
      spec.commandLine().getErr().println("pullsync: " + e.getMessage());
      return ExitCode.INVALID_INPUT;
    } catch (ClusterUnavailableException | java.io.UncheckedIOException e) {
      engine.close();
      client.close();
      spec.commandLine().getErr().println("pullsync: " + e.getMessage());
      return ExitCode.FAILED;
    }
  }

  /** The configuration with the run-only flags on top. */
  private AgentConfig serviceConfig() {
    AgentConfig config = shared.config();
    if (schedule != null) {
      config = config.withSchedule(schedule);
    }
    if (httpPort != null) {
      if (httpPort < 0 || httpPort > 65535) {
        throw new ParameterException(spec.commandLine(), "--http-port: expected 0..65535");
      }
      config = config.withHttp(new HttpSettings(config.http().address(), httpPort));
    }
    if (logFormat != null) {
      try {
        config =
            config.withLogFormat(AgentConfig.LogFormat.valueOf(LogFormat.parse(logFormat).name()));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--log-format: expected text or json");
      }
    }
    return config;
  }
}
