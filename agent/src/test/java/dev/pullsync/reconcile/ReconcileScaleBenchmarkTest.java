package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.desired.Desired;
import dev.pullsync.desired.Inventory;
import dev.pullsync.desired.Renderer;
import dev.pullsync.live.Live;
import dev.pullsync.plan.Planner;
import dev.pullsync.plan.Policy;
import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures, not assertions on time: how long a reconcile of many namespaces takes against the
 * in-memory API, how many requests the first and the steady-state reconcile send, and how fast the
 * pure render + plan is for a large fleet. Printed to the test output.
 */
class ReconcileScaleBenchmarkTest {
  @TempDir Path tmp;

  @Test
  void printsReconcileFiguresFor200Namespaces() {
    int n = 200;
    try (MockCluster cluster = new MockCluster()) {
      for (int i = 0; i < n; i++) {
        cluster.namespace("team-" + i).serviceAccount("team-" + i, "default", "theirs");
      }
      Fixtures spec =
          Fixtures.spec()
              .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
              .pullSecret(pullSecret("harbor-credentials", "harbor").patterns("team-*"));
      try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec)) {
        engine.view().start();
        cluster.clearRequests();
        long t0 = System.nanoTime();
        Report first = engine.runOnce();
        long t1 = System.nanoTime();
        int firstRequests = cluster.requests().size();
        cluster.clearRequests();
        Report second = engine.runOnce();
        long t2 = System.nanoTime();

        assertThat(first.counts().created()).isEqualTo(n);
        assertThat(second.result()).isEqualTo(Report.Result.SYNCED);
        assertThat(cluster.writes()).isEmpty();
        assertThat(cluster.requests()).as("steady state reads only caches").isEmpty();
        System.out.printf(
            "BENCHMARK reconcile %d namespaces: first %d ms (%d requests), steady state %d ms"
                + " (%d requests)%n",
            n,
            (t1 - t0) / 1_000_000,
            firstRequests,
            (t2 - t1) / 1_000_000,
            cluster.requests().size());
      }
    }
  }

  @Test
  void printsPureRenderAndPlanFiguresFor5000Namespaces() {
    int n = 5000;
    List<Inventory.Namespace> namespaces = new ArrayList<>();
    Map<String, Set<String>> sas = new HashMap<>();
    for (int i = 0; i < n; i++) {
      namespaces.add(new Inventory.Namespace("team-" + i, Map.of(), Map.of(), false));
      sas.put("team-" + i, Set.of("default", "builder"));
    }
    Fixtures spec =
        Fixtures.spec()
            .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
            .registry("ghcr", "ghcr.io", "bot", "x", null)
            .pullSecret(
                pullSecret("harbor-credentials", "harbor", "ghcr")
                    .patterns("team-*")
                    .serviceAccounts("*"));
    Inventory inventory = new Inventory(namespaces, sas);
    Planner planner = new Planner(Policy.defaults(), TestEngine.INSTANCE);
    Live empty = new Live(Map.of(), Map.of(), 0, 0);
    long best = Long.MAX_VALUE;
    int changes = 0;
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      Desired desired =
          new Renderer(TestEngine.INSTANCE).render(spec.unsealed(), inventory, "main@sha1:bench");
      changes = planner.plan(desired, empty).changes().size();
      best = Math.min(best, System.nanoTime() - t0);
    }
    assertThat(changes).isEqualTo(n * 3);
    System.out.printf(
        "BENCHMARK render+plan %d namespaces (%d changes): best of 5 %d ms%n",
        n, changes, best / 1_000_000);
  }
}
