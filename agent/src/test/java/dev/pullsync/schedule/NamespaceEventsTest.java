package dev.pullsync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pullsync.http.AgentMetrics;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Namespace and ServiceAccount events reach the queue as namespace-scoped reconciles, fast. */
@EnableKubernetesMockClient(crud = true)
class NamespaceEventsTest {
  KubernetesClient client;
  private final RecordingRunner runner = new RecordingRunner();
  private Agent agent;
  private ClusterInformers informers;

  @BeforeEach
  void start() {
    client.namespaces().resource(ns("team-a", Map.of())).create();
    client
        .serviceAccounts()
        .inNamespace("team-a")
        .resource(sa("default", "team-a", "harbor-credentials", "other"))
        .create();
    informers = ClusterInformers.start(client);
    agent =
        Agent.start(
            ServiceSettings.defaults().withHttp(new InetSocketAddress("127.0.0.1", 0)),
            client,
            informers,
            runner,
            new AgentMetrics(Clock.systemUTC()),
            ReconcileQueue.RunListener.NONE);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> informers.synced() && !runner.runs.isEmpty());
  }

  @AfterEach
  void stop() {
    agent.close();
  }

  @Test
  void theFirstRunIsAFullStartupReconcile() {
    assertThat(runner.runs.get(0).reason()).startsWith("startup");
    assertThat(runner.runs.get(0).isFull()).isTrue();
  }

  @Test
  void aNamespaceCreatedAfterStartIsReconciledByItsEvent() {
    client.namespaces().resource(ns("team-new", Map.of())).create();
    await().atMost(Duration.ofSeconds(20)).until(() -> runner.ranFor("team-new"));
    assertThat(runner.runs)
        .filteredOn(t -> t.namespaces().contains("team-new"))
        .first()
        .satisfies(t -> assertThat(t.fetch()).isFalse());
  }

  @Test
  void relabellingANamespaceReconcilesIt() {
    client
        .namespaces()
        .withName("team-a")
        .edit(n -> ns("team-a", Map.of("app.kubernetes.io/part-of", "kubeflow-profile")));
    await().atMost(Duration.ofSeconds(20)).until(() -> runner.ranFor("team-a"));
  }

  @Test
  void aServiceAccountCreatedLaterReconcilesItsNamespace() {
    client.serviceAccounts().inNamespace("team-a").resource(sa("builder", "team-a")).create();
    await().atMost(Duration.ofSeconds(20)).until(() -> runner.ranFor("team-a"));
  }

  @Test
  void aServiceAccountStrippedOfAnEntryReconcilesItsNamespaceButAnAddedEntryDoesNot()
      throws InterruptedException {
    client
        .serviceAccounts()
        .inNamespace("team-a")
        .withName("default")
        .edit(s -> sa("default", "team-a", "harbor-credentials", "other", "third"));
    Thread.sleep(1500);
    assertThat(runner.ranFor("team-a")).isFalse();
    client
        .serviceAccounts()
        .inNamespace("team-a")
        .withName("default")
        .edit(s -> sa("default", "team-a", "other", "third"));
    await().atMost(Duration.ofSeconds(20)).until(() -> runner.ranFor("team-a"));
  }

  private static io.fabric8.kubernetes.api.model.Namespace ns(
      String name, Map<String, String> labels) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .endMetadata()
        .build();
  }

  private static ServiceAccount sa(String name, String namespace, String... pullSecrets) {
    ServiceAccountBuilder b =
        new ServiceAccountBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .endMetadata();
    for (String s : pullSecrets) {
      b.addNewImagePullSecret(s);
    }
    return b.build();
  }
}
