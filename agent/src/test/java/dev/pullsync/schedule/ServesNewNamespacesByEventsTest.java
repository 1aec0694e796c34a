package dev.pullsync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pullsync.http.AgentMetrics;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.kubernetes.api.model.Secret;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real engine behind the agent: a namespace created after start, and a ServiceAccount created
 * or stripped later, get their Secret and link from events alone: no tick comes during the test
 * (how fast is measured by `pullsync bench` phase 5, not here; a loaded CI machine must not fail
 * it). The event handlers share the engine's informers.
 */
class ServesNewNamespacesByEventsTest {
  @TempDir Path tmp;
  private final MockCluster cluster = new MockCluster();
  private TestEngine engine;
  private Agent agent;

  @BeforeEach
  void start() {
    cluster.namespace("team-a").serviceAccount("team-a", "default");
    engine =
        new TestEngine(cluster, tmp)
            .commit(
                Fixtures.spec()
                    .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
                    .pullSecret(
                        Fixtures.pullSecret("harbor-credentials", "harbor")
                            .patterns("team-*")
                            .serviceAccounts("*")));
    agent =
        Agent.start(
            ServiceSettings.defaults()
                .withSchedule("0 0 0 1 1 ? 2099") // no tick during the test
                .withHttp(new InetSocketAddress("127.0.0.1", 0)),
            cluster.client(),
            ClusterInformers.of(engine.view()),
            engine.reconciler(),
            new AgentMetrics(Clock.systemUTC()),
            ReconcileQueue.RunListener.NONE);
    await().atMost(Duration.ofSeconds(30)).until(() -> secret("team-a") != null);
  }

  @AfterEach
  void stop() {
    agent.close();
    engine.close();
    cluster.close();
  }

  private Secret secret(String namespace) {
    return cluster.client().secrets().inNamespace(namespace).withName("harbor-credentials").get();
  }

  @Test
  void aNamespaceCreatedAfterStartGetsItsSecretAndLinkWithoutATick() {
    cluster.namespace("team-new").serviceAccount("team-new", "default", "other-registry");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                secret("team-new") != null
                    && cluster.pullSecretsOf("team-new", "default").contains("harbor-credentials"));
    assertThat(cluster.pullSecretsOf("team-new", "default"))
        .containsExactly("other-registry", "harbor-credentials");
  }

  @Test
  void aServiceAccountCreatedLaterIsLinkedWithoutATick() {
    cluster.serviceAccount("team-a", "builder");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> cluster.pullSecretsOf("team-a", "builder").contains("harbor-credentials"));
  }

  @Test
  void aServiceAccountStrippedOfOurEntryIsRelinkedWithoutATick() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> cluster.pullSecretsOf("team-a", "default").contains("harbor-credentials"));
    cluster
        .client()
        .serviceAccounts()
        .inNamespace("team-a")
        .withName("default")
        .edit(
            sa -> {
              sa.setImagePullSecrets(new java.util.ArrayList<>());
              return sa;
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> cluster.pullSecretsOf("team-a", "default").contains("harbor-credentials"));
  }

  @Test
  void aManagedSecretDeletedBySomeoneIsRecreatedWithoutATick() {
    String before = secret("team-a").getMetadata().getUid();
    cluster.client().secrets().inNamespace("team-a").withName("harbor-credentials").delete();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                secret("team-a") != null
                    && !secret("team-a").getMetadata().getUid().equals(before));
  }
}
