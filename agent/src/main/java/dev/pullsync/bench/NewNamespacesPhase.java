package dev.pullsync.bench;

import dev.pullsync.live.ClusterView;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.informers.cache.Store;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Phase 5: namespaces created one after another at a steady rate while the agent runs on events.
 * For each, the time from just before its creation to its {@code bench-glob} Secret appearing and
 * to its {@code default} ServiceAccount carrying every entry it should, as the agent's own caches
 * see them (polled every 5 ms, so a figure may be up to 5 ms late, never early). How long the
 * server took to answer the benchmark's own two creates is printed beside them: when the server
 * itself falls behind (the mock answers more slowly the more objects it holds), that shows there.
 */
final class NewNamespacesPhase {
  static final String PHASE = "5 new namespaces";
  static final long P99_TARGET_MILLIS = 1000;
  static final String LINKED_FIGURE = "creation -> ServiceAccount linked";

  /** The latency target is hard for this many namespaces created at this rate. */
  static final int TARGET_ADDED = 100;

  static final int TARGET_RATE = 20;
  private static final Duration WAIT = Duration.ofMinutes(10);

  private final BenchCluster cluster;
  private final BenchAgent agent;
  private final List<Figure> figures;
  private final PrintStream progress;
  private final Map<String, Long> createdAt = new ConcurrentHashMap<>();
  private final Map<String, Long> secretAt = new ConcurrentHashMap<>();
  private final Map<String, Long> linkedAt = new ConcurrentHashMap<>();
  private final Map<String, Long> answeredAt = new ConcurrentHashMap<>();

  NewNamespacesPhase(
      BenchCluster cluster, BenchAgent agent, List<Figure> figures, PrintStream progress) {
    this.cluster = cluster;
    this.agent = agent;
    this.figures = figures;
    this.progress = progress;
  }

  void run(int existing, int added, int perSecond) {
    progress.printf(
        "phase 5: %d namespaces created at %d/s, agent running on events%n", added, perSecond);
    agent.startEventPath();
    cluster.resetCounts();
    Thread watcher = new Thread(() -> watch(existing, existing + added), "bench-latency");
    watcher.setDaemon(true);
    watcher.start();
    Meter meter = Meter.start();
    create(existing, added, perSecond);
    Meter.Sample created = meter.stop();
    boolean served = Meter.await(() -> linkedAt.size() == added, WAIT);
    Meter.Sample s = meter.stop();
    watcher.interrupt();
    RequestCounts c = cluster.counts();
    long expected = CostModel.secrets(existing, existing + added) + added;
    Latencies toSecret = latencies(secretAt);
    Latencies toLinked = latencies(linkedAt);
    figures.add(Figure.info(PHASE, "creating them took", created.wall()));
    figures.add(
        Figure.info(
            PHASE,
            "server answered each creation (namespace + SA) in",
            latencies(answeredAt).toString()));
    figures.add(Figure.info(PHASE, "creation -> Secret created", toSecret.toString()));
    String linked =
        served ? toLinked.toString() : toLinked.count() + " of " + added + " within " + WAIT;
    String target = "p99 <= " + P99_TARGET_MILLIS + " ms";
    boolean met = served && toLinked.p99() <= P99_TARGET_MILLIS;
    figures.add(
        added == TARGET_ADDED && perSecond == TARGET_RATE
            ? Figure.hard(PHASE, LINKED_FIGURE, linked, target, met)
            : Figure.soft(
                PHASE,
                LINKED_FIGURE,
                linked,
                target + " (hard for " + TARGET_ADDED + " at " + TARGET_RATE + "/s)",
                met));
    figures.add(
        Figure.soft(
            PHASE,
            "time until all served",
            served ? s.wall() : "not within " + WAIT,
            "seconds, not the next tick",
            served && s.wallMillis() <= 30_000));
    figures.add(
        Figure.soft(
            PHASE,
            "requests",
            c.total() + " (" + c.describe() + ")",
            expected + " writes, 0 reads",
            c.total() == expected));
    figures.add(Figure.info(PHASE, "CPU time (agent process)", s.cpu()));
  }

  private Latencies latencies(Map<String, Long> seenAt) {
    List<Long> millis = new ArrayList<>();
    seenAt.forEach((ns, at) -> millis.add((at - createdAt.get(ns)) / 1_000_000));
    return Latencies.of(millis);
  }

  /**
   * Reads the informers' stores directly: the view's copying accessors, called for every pending
   * namespace every 5 ms, would cost the agent's JVM more CPU than the agent itself.
   */
  private void watch(int from, int to) {
    ClusterView view = agent.view();
    Store<Secret> secrets = view.managedSecretInformer().getStore();
    Store<ServiceAccount> accounts = view.serviceAccountInformer().getStore();
    while (!Thread.currentThread().isInterrupted() && linkedAt.size() < to - from) {
      for (int i = from; i < to; i++) {
        String ns = BenchCluster.namespace(i);
        if (!createdAt.containsKey(ns) || linkedAt.containsKey(ns)) {
          continue;
        }
        long now = System.nanoTime();
        if (!secretAt.containsKey(ns) && secrets.getByKey(ns + "/" + BenchSpec.BY_GLOB) != null) {
          secretAt.put(ns, now);
        }
        Optional<ServiceAccount> sa = Optional.ofNullable(accounts.getByKey(ns + "/default"));
        if (linked(sa, BenchSpec.BY_GLOB) && (i % 2 != 0 || linked(sa, BenchSpec.BY_SELECTOR))) {
          linkedAt.put(ns, now);
        }
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  static boolean linked(Optional<ServiceAccount> sa, String entry) {
    List<LocalObjectReference> refs = sa.map(ServiceAccount::getImagePullSecrets).orElse(null);
    return refs != null && refs.stream().anyMatch(r -> entry.equals(r.getName()));
  }

  /**
   * Starts one creation (namespace, then its ServiceAccount) every {@code 1/perSecond} s on its own
   * thread, so a slow server answer does not slow the rate; returns when all are created.
   */
  private void create(int existing, int added, int perSecond) {
    ScheduledExecutorService pool = Executors.newScheduledThreadPool(16);
    try {
      long interval = 1_000_000_000L / perSecond;
      List<ScheduledFuture<?>> creations = new ArrayList<>();
      for (int i = existing; i < existing + added; i++) {
        int n = i;
        String ns = BenchCluster.namespace(i);
        Runnable creation =
            () -> {
              createdAt.put(ns, System.nanoTime());
              cluster.createNamespace(ns, n % 2 == 0);
              answeredAt.put(ns, System.nanoTime());
            };
        creations.add(
            pool.schedule(creation, (long) (i - existing) * interval, TimeUnit.NANOSECONDS));
      }
      for (ScheduledFuture<?> f : creations) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("creating a namespace failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
