package dev.pullsync.demo;

import dev.pullsync.apply.Applier;
import dev.pullsync.apply.ApplyOptions;
import dev.pullsync.live.ClusterView;
import dev.pullsync.plan.Planner;
import dev.pullsync.plan.Policy;
import dev.pullsync.reconcile.Reconciler;
import dev.pullsync.reconcile.Revisions;
import dev.pullsync.report.PublisherSettings;
import dev.pullsync.report.ReportPublisher;
import dev.pullsync.report.ReportTarget;
import dev.pullsync.source.GitAuth;
import dev.pullsync.source.GitSource;
import dev.pullsync.source.SourceOptions;
import dev.pullsync.spec.SpecLoader;
import dev.pullsync.unseal.KeyRing;
import dev.pullsync.unseal.Unsealer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The production engine, wired for the demo: the throwaway repository as the source (report written
 * back to its {@code pullsync-status} branch), the demo key, the demo cluster.
 */
record DemoEngine(Reconciler reconciler, ClusterView view, ReportPublisher publisher)
    implements AutoCloseable {
  static final String CLUSTER = "demo";
  static final String AGENT_NAMESPACE = "pullsync";

  static DemoEngine build(KubernetesClient client, Path repo, Path key, Path work, Clock clock) {
    GitSource source =
        new GitSource(
            SourceOptions.local(repo.toString(), "main", "").withWorkDir(work.resolve("clone")),
            clock);
    Unsealer unsealer = new Unsealer(KeyRing.load(List.of(key)), AGENT_NAMESPACE);
    SpecLoader loader = new SpecLoader();
    Revisions revisions = new Revisions(source::fetch, loader::load, unsealer::unseal);
    ClusterView view = new ClusterView(client, Duration.ofSeconds(30));
    ReportPublisher publisher =
        new ReportPublisher(
            PublisherSettings.defaults(
                ReportTarget.onStatusBranch(repo.toString()), work.resolve("report")),
            GitAuth.none(),
            clock,
            new SecureRandom());
    Reconciler reconciler =
        new Reconciler(
            revisions,
            view.start(),
            new Planner(Policy.defaults()),
            new Applier(client, ApplyOptions.defaults()),
            publisher,
            CLUSTER,
            clock);
    return new DemoEngine(reconciler, view, publisher);
  }

  @Override
  public void close() {
    view.close();
    publisher.close();
  }
}
