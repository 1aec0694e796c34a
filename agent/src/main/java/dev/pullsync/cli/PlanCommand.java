package dev.pullsync.cli;

import dev.pullsync.live.ClusterUnavailableException;
import dev.pullsync.plan.Plan;
import dev.pullsync.plan.PlanFormat;
import dev.pullsync.reconcile.Engine;
import dev.pullsync.reconcile.RetryableException;
import dev.pullsync.reconcile.Trigger;
import dev.pullsync.report.Reporter;
import dev.pullsync.source.SourceException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pullsync plan}: what a reconcile would change, changing nothing. Exit 0 when nothing would
 * change, 3 when something would, 2 when the revision (or the inventory) is invalid. With {@code
 * --offline-from} it plans against a published inventory and never contacts a cluster.
 */
@Command(name = "plan", description = "Show what a reconcile would change; change nothing.")
public final class PlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SharedOptions shared;

  @Option(
      names = "--format",
      paramLabel = "text|markdown|json",
      description = "output format (default: text; markdown for a pull-request comment)")
  String format = "text";

  @Option(
      names = "--offline-from",
      paramLabel = "FILE|REF[:PATH]",
      description =
          "plan against a published inventory instead of the cluster (no cluster, no key needed):"
              + " a file, or a Git ref of --repo holding status/<cluster>.inventory.yaml")
  String offlineFrom;

  @Override
  public Integer call() {
    PlanFormat output = format();
    if (offlineFrom != null) {
      try {
        return print(new OfflinePlanRun(shared, offlineFrom).plan(), output);
      } catch (SourceException e) {
        spec.commandLine().getErr().println("pullsync: " + e.getMessage());
        return ExitCode.FAILED;
      }
    }
    Clock clock = Clock.systemUTC();
    try (KubernetesClient client = shared.client();
        Engine engine =
            Engine.open(shared.engineSettings().oneShot(), client, Reporter.disabled(), clock)) {
      return print(engine.reconciler().plan(Trigger.full("plan")), output);
    } catch (ClusterUnavailableException | SourceException | RetryableException e) {
      spec.commandLine().getErr().println("pullsync: " + e.getMessage());
      return ExitCode.FAILED;
    }
  }

  private int print(Plan plan, PlanFormat output) {
    spec.commandLine().getOut().print(output.render(plan));
    spec.commandLine().getOut().flush();
    return plan.hasChanges() ? ExitCode.CHANGES_PENDING : ExitCode.OK;
  }

  private PlanFormat format() {
    try {
      return PlanFormat.parse(format.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--format: expected text, markdown or json, got '" + format + "'");
    }
  }
}
