package dev.pullsync.bench;

import dev.pullsync.report.Report;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Phase 2: scheduled reconciles with nothing changed. The first tick after the rollout plans afresh
 * (the rollout's own writes changed the caches since the last plan); the following ones find the
 * revision and the caches unchanged. CPU is the reconciling thread's CPU time ({@link
 * ThreadMXBean}), which a loaded machine does not inflate as it does wall time; the process's CPU
 * time (garbage collection and the informers included) is printed beside it.
 */
final class NoOpPhase {
  static final String PHASE = "2 no-op reconcile";
  static final long CPU_TARGET_MILLIS = 200;
  static final int CPU_TARGET_SCALE = 10_000;
  static final String CPU_FIGURE = "CPU per steady tick (reconcile thread, median)";
  private static final int TICKS = 5;

  private final BenchCluster cluster;
  private final BenchAgent agent;
  private final List<Figure> figures;
  private final PrintStream progress;

  NoOpPhase(BenchCluster cluster, BenchAgent agent, List<Figure> figures, PrintStream progress) {
    this.cluster = cluster;
    this.agent = agent;
    this.figures = figures;
    this.progress = progress;
  }

  /** One measured tick: the reconciling thread's CPU, the process's CPU and the wall time. */
  private record Tick(long threadMillis, Meter.Sample sample, Report report) {}

  void run(int namespaces) {
    progress.printf("phase 2: %d scheduled reconciles, nothing changed%n", TICKS + 1);
    cluster.resetCounts();
    Tick first = tick();
    List<Tick> steady = new ArrayList<>();
    for (int i = 0; i < TICKS; i++) {
      steady.add(tick());
    }
    RequestCounts c = cluster.counts();
    long[] thread = steady.stream().mapToLong(Tick::threadMillis).sorted().toArray();
    long[] process = steady.stream().mapToLong(t -> t.sample().cpuMillis()).sorted().toArray();
    long[] wall = steady.stream().mapToLong(t -> t.sample().wallMillis()).sorted().toArray();
    long median = thread[TICKS / 2];
    figures.add(
        Figure.hard(
            PHASE,
            "requests (" + (TICKS + 1) + " ticks)",
            c.total() + " (" + c.describe() + ")",
            "0",
            c.total() == 0));
    figures.add(
        Figure.info(
            PHASE,
            "first tick after the rollout (plans afresh)",
            "CPU " + first.threadMillis() + " ms thread, " + first.sample().cpu() + " process"));
    String target = "<= " + CPU_TARGET_MILLIS + " ms at >= " + CPU_TARGET_SCALE + " namespaces";
    String value = median + " ms (ticks: " + Arrays.toString(thread) + " ms)";
    boolean met = median <= CPU_TARGET_MILLIS;
    figures.add(
        namespaces >= CPU_TARGET_SCALE
            ? Figure.hard(PHASE, CPU_FIGURE, value, target, met)
            : Figure.soft(PHASE, CPU_FIGURE, value, target + " (not hard here)", met));
    figures.add(
        Figure.info(PHASE, "CPU per steady tick (process, median)", process[TICKS / 2] + " ms"));
    figures.add(Figure.info(PHASE, "wall time per steady tick (median)", wall[TICKS / 2] + " ms"));
    figures.add(
        Figure.info(PHASE, "report result", steady.get(TICKS - 1).report().result().display()));
  }

  private Tick tick() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long thread = threads.getCurrentThreadCpuTime();
    Meter meter = Meter.start();
    Report report = agent.reconcileAll();
    Meter.Sample s = meter.stop();
    return new Tick((threads.getCurrentThreadCpuTime() - thread) / 1_000_000, s, report);
  }
}
