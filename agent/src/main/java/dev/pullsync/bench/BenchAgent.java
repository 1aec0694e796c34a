package dev.pullsync.bench;

import dev.pullsync.apply.Applier;
import dev.pullsync.apply.ApplyOptions;
import dev.pullsync.desired.Instance;
import dev.pullsync.http.AgentMetrics;
import dev.pullsync.live.ClusterView;
import dev.pullsync.plan.Planner;
import dev.pullsync.plan.Policy;
import dev.pullsync.reconcile.Reconciler;
import dev.pullsync.reconcile.Revisions;
import dev.pullsync.reconcile.Trigger;
import dev.pullsync.report.PublishResult;
import dev.pullsync.report.Report;
import dev.pullsync.report.Reporter;
import dev.pullsync.schedule.Agent;
import dev.pullsync.schedule.ClusterInformers;
import dev.pullsync.schedule.ReconcileQueue;
import dev.pullsync.schedule.ServiceSettings;
import dev.pullsync.source.GitSource;
import dev.pullsync.source.SourceOptions;
import dev.pullsync.spec.SpecLoader;
import dev.pullsync.unseal.Unsealer;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The real engine, wired as {@code pullsync run} wires it (Git source, spec loader, unsealer,
 * informer view, planner, applier), against the benchmark server. Reports are not written back to
 * Git (as with {@code --no-report}): the benchmark measures the cluster side. {@link
 * #startEventPath()} starts the long-running agent around the same reconciler, so namespace and
 * ServiceAccount events drive it.
 */
final class BenchAgent implements AutoCloseable {
  private static final Instance INSTANCE = Instance.derived("pullsync", "bench");
  private final KubernetesClient client;
  private final ClusterView view;
  private final Unsealer unsealer;
  private final Reconciler reconciler;
  private Agent agent;

  BenchAgent(String url, BenchSpec spec, Path workDir, ApplyOptions apply) {
    this.client =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(BenchServer.config(url)).withUserAgent("pullsync").build())
            .build();
    this.view = new ClusterView(client, Duration.ofMinutes(10), INSTANCE);
    this.unsealer = new Unsealer(spec.keyRing(), BenchSpec.AGENT_NAMESPACE);
    GitSource source =
        new GitSource(
            SourceOptions.local(spec.repo().toString(), "main", "").withWorkDir(workDir),
            Clock.systemUTC());
    SpecLoader loader = new SpecLoader(BenchSpec.AGENT_NAMESPACE);
    Reporter discard =
        report ->
            new PublishResult(PublishResult.Outcome.DISABLED, Optional.empty(), 0, "benchmark");
    this.reconciler =
        new Reconciler(
            new Revisions(source::fetch, loader::load, unsealer::unseal),
            view,
            new Planner(Policy.defaults(), INSTANCE),
            new Applier(client, view, apply),
            discard,
            "bench",
            INSTANCE,
            Clock.systemUTC());
  }

  ClusterView view() {
    return view;
  }

  /** Starts the informers and waits for their first lists. */
  void start() {
    view.start();
  }

  /** One reconcile of the whole cluster with a Git fetch, as the schedule runs it. */
  Report reconcileAll() {
    return reconciler.run(Trigger.full("schedule"));
  }

  long rsaOperations() {
    return unsealer.rsaOperations();
  }

  /** Starts the agent: event handlers on the view's informers and the reconcile queue. */
  void startEventPath() {
    agent =
        Agent.start(
            ServiceSettings.defaults()
                .withSchedule("0 0 0 1 1 ? 2099")
                .withHttp(new InetSocketAddress("127.0.0.1", 0)),
            client,
            ClusterInformers.of(view),
            reconciler,
            new AgentMetrics(Clock.systemUTC()),
            ReconcileQueue.RunListener.NONE);
  }

  @Override
  public void close() {
    if (agent != null) {
      agent.close();
    }
    view.close();
    client.close();
  }
}
