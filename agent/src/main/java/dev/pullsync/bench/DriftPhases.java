package dev.pullsync.bench;

import dev.pullsync.desired.Ref;
import dev.pullsync.live.ClusterView;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Phases 3 to 5: changes made behind the agent's back (drift), in Git (rotation) and to the set of
 * namespaces ({@link NewNamespacesPhase}), each with the requests it cost.
 */
final class DriftPhases {
  private static final Duration WAIT = Duration.ofMinutes(10);

  private final Benchmark.Settings settings;
  private final BenchCluster cluster;
  private final BenchAgent agent;
  private final BenchSpec spec;
  private final List<Figure> figures;
  private final PrintStream progress;

  DriftPhases(
      Benchmark.Settings settings,
      BenchCluster cluster,
      BenchAgent agent,
      BenchSpec spec,
      List<Figure> figures,
      PrintStream progress) {
    this.settings = settings;
    this.cluster = cluster;
    this.agent = agent;
    this.spec = spec;
    this.figures = figures;
    this.progress = progress;
  }

  void run() {
    drift();
    rotation();
    new MigrationPhase(cluster, agent, spec, figures, progress).run(settings.namespaces());
    new NewNamespacesPhase(cluster, agent, figures, progress)
        .run(settings.namespaces(), settings.added(), settings.addedPerSecond());
  }

  /** 1% of namespaces, a third each: glob Secret deleted, its data edited, its SA entry removed. */
  private void drift() {
    String phase = "3 drift 1%";
    int n = settings.namespaces();
    int drifted = Math.max(3, n / 100);
    progress.printf("phase 3: drifting %d namespaces%n", drifted);
    List<BooleanSupplier> seen = new ArrayList<>();
    Meter meter = Meter.start();
    for (int j = 0; j < drifted; j++) {
      String ns = BenchCluster.namespace((int) ((long) j * n / drifted));
      seen.add(drift(j % 3, ns));
    }
    boolean visible =
        Meter.await(() -> seen.stream().allMatch(BooleanSupplier::getAsBoolean), WAIT);
    Meter.Sample lag = meter.stop();
    cluster.resetCounts();
    Meter repair = Meter.start();
    agent.reconcileAll();
    Meter.Sample s = repair.stop();
    RequestCounts c = cluster.counts();
    long deleted = (drifted + 2) / 3;
    long edited = (drifted + 1) / 3;
    long unlinked = drifted / 3;
    boolean exact =
        c.total() == drifted
            && c.of("create secrets") == deleted
            && c.of("update secrets") == edited
            && c.of("update serviceaccounts") == unlinked;
    figures.add(
        Figure.info(
            phase,
            "drifted objects",
            drifted
                + " ("
                + deleted
                + " Secrets deleted, "
                + edited
                + " edited, "
                + unlinked
                + " SA entries removed)"));
    figures.add(
        Figure.info(
            phase, "informers saw the drift after", visible ? lag.wall() : "not within " + WAIT));
    figures.add(
        Figure.hard(
            phase,
            "requests to repair",
            c.total() + " (" + c.describe() + ")",
            drifted + " (exactly the writes needed)",
            exact));
    figures.add(Figure.info(phase, "time to converge (reconcile)", s.wall()));
    figures.add(Figure.info(phase, "CPU time (agent process)", s.cpu()));
  }

  /**
   * Makes one drift of kind {@code kind} in {@code ns}; returns when the agent's caches show it.
   */
  private BooleanSupplier drift(int kind, String ns) {
    ClusterView view = agent.view();
    Ref secret = new Ref(ns, BenchSpec.BY_GLOB);
    switch (kind) {
      case 0 -> {
        cluster.deleteSecret(ns, BenchSpec.BY_GLOB);
        return () -> view.cachedSecret(secret).isEmpty();
      }
      case 1 -> {
        String before = view.cachedSecret(secret).map(DriftPhases::version).orElse("");
        cluster.editSecret(ns, BenchSpec.BY_GLOB);
        return () -> !view.cachedSecret(secret).map(DriftPhases::version).orElse("").equals(before);
      }
      default -> {
        cluster.unlink(ns, "default", BenchSpec.BY_GLOB);
        Ref sa = new Ref(ns, "default");
        return () -> !linked(view.cachedServiceAccount(sa), BenchSpec.BY_GLOB);
      }
    }
  }

  private void rotation() {
    String phase = "4 rotation";
    int n = settings.namespaces();
    progress.println("phase 4: rotating one registry's password in Git");
    spec.rotate();
    long rsaBefore = agent.rsaOperations();
    cluster.resetCounts();
    Meter meter = Meter.start();
    agent.reconcileAll();
    Meter.Sample s = meter.stop();
    RequestCounts c = cluster.counts();
    long affected = CostModel.gold(0, n);
    figures.add(
        Figure.hard(
            phase,
            "writes",
            c.writes() + " (" + c.describe() + ")",
            affected + " updates (affected Secrets only)",
            c.writes() == affected && c.of("update secrets") == affected));
    figures.add(Figure.soft(phase, "reads", String.valueOf(c.reads()), "0", c.reads() == 0));
    figures.add(
        Figure.soft(
            phase,
            "RSA decryptions",
            String.valueOf(agent.rsaOperations() - rsaBefore),
            "1 (only the re-sealed value)",
            agent.rsaOperations() - rsaBefore == 1));
    figures.add(Figure.info(phase, "wall time", s.wall()));
    figures.add(Figure.info(phase, "CPU time (agent process)", s.cpu()));
  }

  private static boolean linked(Optional<ServiceAccount> sa, String entry) {
    return NewNamespacesPhase.linked(sa, entry);
  }

  private static String version(Secret s) {
    return s.getMetadata().getResourceVersion();
  }
}
