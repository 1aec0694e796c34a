package dev.pullsync.bench;

import dev.pullsync.report.Report;
import java.io.PrintStream;
import java.util.List;

/**
 * Phase 4b, the runbook's migration case: hand-made Secrets (not labelled as pullsync's) already
 * hold the name a new PullSecret wants, {@code adopt: never}. The first reconcile learns that from
 * the creates' 409 answers (one GET each); after that a scheduled reconcile must send nothing.
 */
final class MigrationPhase {
  static final String PHASE = "4b migration";
  private static final int MAX_HANDMADE = 1000;

  private final BenchCluster cluster;
  private final BenchAgent agent;
  private final BenchSpec spec;
  private final List<Figure> figures;
  private final PrintStream progress;

  MigrationPhase(
      BenchCluster cluster,
      BenchAgent agent,
      BenchSpec spec,
      List<Figure> figures,
      PrintStream progress) {
    this.cluster = cluster;
    this.agent = agent;
    this.spec = spec;
    this.figures = figures;
    this.progress = progress;
  }

  void run(int namespaces) {
    int handmade = Math.min(namespaces, MAX_HANDMADE);
    progress.printf(
        "phase 4b: %d hand-made Secrets in the way of a new PullSecret (adopt: never)%n", handmade);
    BenchCluster.parallel(
        0,
        handmade,
        i -> cluster.createHandmadeSecret(BenchCluster.namespace(i), BenchSpec.HANDMADE));
    spec.addHandmade(handmade);
    cluster.resetCounts();
    Report first = agent.reconcileAll();
    RequestCounts learned = cluster.counts();
    cluster.resetCounts();
    Meter meter = Meter.start();
    Report tick = agent.reconcileAll();
    Meter.Sample s = meter.stop();
    RequestCounts c = cluster.counts();
    figures.add(
        Figure.info(
            PHASE,
            "first reconcile (learns they are foreign)",
            learned.total()
                + " ("
                + learned.describe()
                + "), "
                + first.counts().conflicts()
                + " conflicts"));
    figures.add(
        Figure.hard(
            PHASE,
            "requests per no-op tick",
            c.total() + " (" + c.describe() + "), " + tick.counts().conflicts() + " conflicts",
            "0",
            c.total() == 0 && tick.counts().conflicts() == first.counts().conflicts()));
    figures.add(Figure.info(PHASE, "CPU time (agent process)", s.cpu()));
  }
}
