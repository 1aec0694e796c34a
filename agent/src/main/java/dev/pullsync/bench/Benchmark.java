package dev.pullsync.bench;

import dev.pullsync.apply.ApplyOptions;
import dev.pullsync.report.Report;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The six phases, in order, against one API server: cold start and first rollout, a no-op scheduled
 * reconcile, 1% drift repaired, a credential rotation, namespaces created at a steady rate while
 * the agent runs on events (latency per namespace), and the heap at steady state. Each phase resets
 * the server's request counts first, so its figures are its own.
 */
final class Benchmark {
  /** What to run. */
  record Settings(
      int namespaces,
      int added,
      int addedPerSecond,
      ApplyOptions apply,
      int keyBits,
      Path workDir,
      String serverMode) {}

  private final Settings settings;
  private final BenchCluster cluster;
  private final PrintStream progress;
  private final List<Figure> figures = new ArrayList<>();

  Benchmark(Settings settings, BenchCluster cluster, PrintStream progress) {
    this.settings = settings;
    this.cluster = cluster;
    this.progress = progress;
  }

  BenchReport run() {
    int n = settings.namespaces();
    progress.printf("seeding %d namespaces with a default ServiceAccount (not counted)%n", n);
    Meter.Sample seeded = seed(n);
    progress.printf("seeded in %s%n", seeded.wall());
    BenchSpec spec = BenchSpec.create(settings.workDir().resolve("repo"), settings.keyBits());
    try (BenchAgent agent =
        new BenchAgent(cluster.url(), spec, settings.workDir().resolve("work"), settings.apply())) {
      coldStart(agent);
      new NoOpPhase(cluster, agent, figures, progress).run(n);
      new DriftPhases(settings, cluster, agent, spec, figures, progress).run();
      long heap = Meter.heapAfterGcMiB();
      figures.add(
          Figure.soft(
              "6 steady state", "heap used after GC", heap + " MiB", "<= 256 MiB", heap <= 256));
    }
    return new BenchReport(setup(), figures);
  }

  private Meter.Sample seed(int n) {
    Meter meter = Meter.start();
    int step = 500;
    for (int from = 0; from < n; from += step) {
      cluster.seed(from, Math.min(n, from + step));
      if ((from / step) % 4 == 3) {
        progress.printf("  %d namespaces%n", Math.min(n, from + step));
      }
    }
    return meter.stop();
  }

  private void coldStart(BenchAgent agent) {
    int n = settings.namespaces();
    String phase = "1 cold start";
    progress.println("phase 1: cold start and first rollout");
    cluster.resetCounts();
    Meter meter = Meter.start();
    agent.start();
    Meter.Sample synced = meter.stop();
    Report report = agent.reconcileAll();
    Meter.Sample all = meter.stop();
    RequestCounts c = cluster.counts();
    long secrets = CostModel.secrets(0, n);
    figures.add(Figure.info(phase, "informers listed and synced", synced.wall()));
    figures.add(Figure.info(phase, "wall time to rollout done", all.wall()));
    figures.add(Figure.info(phase, "CPU time (agent process)", all.cpu()));
    figures.add(Figure.info(phase, "requests by verb", byVerb(c)));
    figures.add(
        Figure.soft(
            phase,
            "reads (list+watch+get)",
            String.valueOf(c.reads()),
            "3 lists + 3 watches, 0 get",
            c.verbs("get") == 0 && c.verbs("list") <= 3));
    figures.add(
        Figure.soft(
            phase,
            "writes",
            c.writes()
                + " ("
                + c.of("create secrets")
                + " create secrets, "
                + c.of("update serviceaccounts")
                + " update SAs)",
            (secrets + n) + " (one per object)",
            c.writes() == secrets + n));
    figures.add(Figure.info(phase, "report result", report.result().display()));
  }

  static String byVerb(RequestCounts c) {
    Map<String, Long> verbs = new LinkedHashMap<>();
    for (String v : List.of("list", "watch", "get", "create", "update", "patch", "delete")) {
      long n = c.verbs(v);
      if (n > 0) {
        verbs.put(v, n);
      }
    }
    return verbs.isEmpty() ? "none" : verbs.toString().replaceAll("[{}]", "");
  }

  private Map<String, String> setup() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("namespaces", String.valueOf(settings.namespaces()));
    s.put(
        "spec",
        "3 PullSecrets (names list of "
            + BenchSpec.LISTED
            + ", glob team-*, label selector on"
            + " every other namespace), 2 registries each, sealed (RSA "
            + settings.keyBits()
            + ")");
    s.put(
        "agent",
        "write concurrency "
            + settings.apply().concurrency()
            + ", qps "
            + settings.apply().qps()
            + ", burst "
            + settings.apply().burst());
    s.put("API server", settings.serverMode());
    s.put(
        "machine", Runtime.getRuntime().availableProcessors() + " CPUs, Java " + Runtime.version());
    s.put("wait cap", Duration.ofMinutes(10).toString());
    return s;
  }
}
