package dev.pullsync.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pullsync.desired.Ref;
import dev.pullsync.http.AgentMetrics;
import dev.pullsync.schedule.Agent;
import dev.pullsync.schedule.ClusterInformers;
import dev.pullsync.schedule.ReconcileQueue;
import dev.pullsync.schedule.ServiceSettings;
import dev.pullsync.testkit.CapturedLogs;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watch that silently misses a DELETE (the test API server drops that one watch event, as a watch
 * resumed from an old resourceVersion after a cut does): the informer cache keeps the deleted
 * Secret and every scheduled reconcile reads "Synced" from it, until the periodic re-list ({@code
 * kubernetes.resyncInterval}, here 3 s) shows it gone and that reconcile creates it again.
 */
class RepairsADeleteTheWatchMissedTest {
  private static final Duration RESYNC = Duration.ofSeconds(3);

  @TempDir Path tmp;

  /** A CRUD API server that, while armed, tells no watcher about deleted Secrets. */
  static final class DroppingDispatcher extends KubernetesCrudDispatcher {
    final AtomicBoolean dropSecretDeletes = new AtomicBoolean();

    @Override
    public void processEvent(
        String path,
        AttributeSet pathAttributes,
        AttributeSet oldAttributes,
        GenericKubernetesResource resource,
        String newState) {
      if (newState == null && path.contains("/secrets") && dropSecretDeletes.get()) {
        map.remove(oldAttributes); // deleted, and no watcher hears of it
        return;
      }
      super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    }
  }

  @Test
  void theScheduleRecreatesASecretWhoseDeleteTheWatchNeverDelivered() throws Exception {
    DroppingDispatcher api = new DroppingDispatcher();
    MockCluster cluster = new MockCluster(api);
    cluster.namespace("team-a").serviceAccount("team-a", "default");
    TestEngine engine =
        new TestEngine(cluster, tmp, RESYNC)
            .commit(
                Fixtures.spec()
                    .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
                    .pullSecret(
                        Fixtures.pullSecret("harbor-credentials", "harbor")
                            .patterns("team-*")
                            .serviceAccounts("*")));
    try (CapturedLogs logs = new CapturedLogs();
        Agent agent =
            Agent.start(
                ServiceSettings.defaults()
                    .withSchedule("* * * * * ?") // every second
                    .withHttp(new InetSocketAddress("127.0.0.1", 0)),
                cluster.client(),
                ClusterInformers.of(engine.view()),
                engine.reconciler(),
                new AgentMetrics(Clock.systemUTC()),
                ReconcileQueue.RunListener.NONE)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> secret(cluster) != null);
      String before = secret(cluster).getMetadata().getUid();

      api.dropSecretDeletes.set(true);
      long deleted = System.nanoTime();
      cluster.client().secrets().inNamespace("team-a").withName("harbor-credentials").delete();
      Thread.sleep(500);
      assertThat(secret(cluster)).as("deleted on the server").isNull();
      assertThat(
              engine
                  .view()
                  .managedSecretInformer()
                  .getStore()
                  .getByKey("team-a/harbor-credentials"))
          .as("the watch never told the cache")
          .isNotNull();

      await()
          .atMost(RESYNC.multipliedBy(4))
          .until(
              () ->
                  secret(cluster) != null
                      && !secret(cluster).getMetadata().getUid().equals(before));
      long millis = (System.nanoTime() - deleted) / 1_000_000;
      System.out.printf(
          "missed DELETE repaired %d ms after the delete (resyncInterval %d s, schedule 1 s)%n",
          millis, RESYNC.toSeconds());
      assertThat(logs.count("found 1 object(s) the watches had missed")).isPositive();
      assertThat(engine.view().cachedSecret(new Ref("team-a", "harbor-credentials"))).isPresent();
    } finally {
      engine.close();
      cluster.close();
    }
  }

  private static Secret secret(MockCluster cluster) {
    return cluster.client().secrets().inNamespace("team-a").withName("harbor-credentials").get();
  }
}
