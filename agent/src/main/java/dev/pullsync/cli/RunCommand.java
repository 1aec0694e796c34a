package dev.pullsync.cli;

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

  @Override
  public Integer call() {
    if (!once) {
      return runAgent();
    }
    Clock clock = Clock.systemUTC();
    try (KubernetesClient client = shared.client();
        Engine engine =
            Engine.open(shared.engineSettings(), client, shared.reporter(clock), clock)) {
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

  /** The long-running agent; the service work plugs in here. */
  private Integer runAgent() {
    throw new ParameterException(
        spec.commandLine(), "the long-running agent is not part of this build yet; use --once");
  }
}
