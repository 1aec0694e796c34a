package dev.pullsync.demo;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Consumer;

/**
 * An in-process Kubernetes API on loopback (plain HTTP): the fabric8 CRUD mock behind an {@link
 * ApiFront}, so kubectl 1.31 and the fabric8 client both work against it. Empty unless seeded;
 * {@link #seedDemo()} creates the demo's namespaces, each with its {@code default} ServiceAccount
 * (the mock creates none by itself). Benchmarks and end-to-end tests can reuse it as is.
 */
public final class DemoCluster implements AutoCloseable {
  /** The label Kubeflow puts on profile namespaces. */
  public static final String PROFILE_LABEL = "app.kubernetes.io/part-of";

  /** The mock logs every request through java.util.logging at INFO: keep it to warnings. */
  private static final java.util.logging.Logger MOCK_LOG = quiet("io.fabric8.mockwebserver");

  private final KubernetesMockServer server;
  private final ApiFront front;
  private final String url;
  private volatile KubernetesClient controllerClient;

  private DemoCluster(KubernetesMockServer server, ApiFront front, String url) {
    this.server = server;
    this.front = front;
    this.url = url;
  }

  /** Starts an empty cluster on a free loopback port. */
  public static DemoCluster start() {
    int port = freePort();
    String address = "127.0.0.1:" + port;
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    ApiFront front = new ApiFront(new KubernetesMixedDispatcher(responses), new Discovery(address));
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()), new MockWebServer(), responses, front, false);
    server.init(InetAddress.getLoopbackAddress(), port);
    return new DemoCluster(server, front, "http://" + address);
  }

  /** The API's URL ({@code http://127.0.0.1:PORT}). */
  public String url() {
    return url;
  }

  /** The front, to count or observe requests. */
  public ApiFront front() {
    return front;
  }

  /** Client configuration for this API; retries are few so faults surface quickly. */
  public Config config() {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(url)
        .withNamespace("default")
        .withRequestRetryBackoffLimit(1)
        .withRequestRetryBackoffInterval(100)
        .build();
  }

  /** A new fabric8 client; {@code customizer} may add interceptors (e.g. request counting). */
  public KubernetesClient client(Consumer<KubernetesClientBuilder> customizer) {
    KubernetesClientBuilder builder = new KubernetesClientBuilder().withConfig(config());
    customizer.accept(builder);
    return builder.build();
  }

  public KubernetesClient client() {
    return client(b -> {});
  }

  /**
   * Seeds the demo: {@code kubeflow}, {@code user-example-com} (a Kubeflow profile whose {@code
   * default} ServiceAccount already pulls from {@code other-registry}, and with the {@code
   * default-editor} ServiceAccount pipelines run as), {@code team-a}, {@code team-b}, {@code
   * kube-system} and {@code default}, each with a {@code default} ServiceAccount.
   */
  public void seedDemo() {
    try (KubernetesClient client = client()) {
      namespace(client, "default", Map.of(), List.of());
      namespace(client, "kube-system", Map.of(), List.of());
      namespace(client, "kubeflow", Map.of(PROFILE_LABEL, "kubeflow"), List.of());
      namespace(
          client,
          "user-example-com",
          Map.of(PROFILE_LABEL, "kubeflow-profile"),
          List.of("other-registry"));
      serviceAccount(client, "user-example-com", EDITOR);
      namespace(client, "team-a", Map.of(), List.of());
      namespace(client, "team-b", Map.of(), List.of());
    }
  }

  /**
   * The ServiceAccount Kubeflow Pipelines run as in a profile namespace (kubeflow/pipelines#7336).
   */
  public static final String EDITOR = "default-editor";

  private static void serviceAccount(KubernetesClient client, String namespace, String name) {
    if (client.serviceAccounts().inNamespace(namespace).withName(name).get() == null) {
      client
          .serviceAccounts()
          .inNamespace(namespace)
          .resource(
              new ServiceAccountBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .withNamespace(namespace)
                  .endMetadata()
                  .build())
          .create();
    }
  }

  /** Creates a namespace and its {@code default} ServiceAccount. */
  public static void namespace(
      KubernetesClient client, String name, Map<String, String> labels, List<String> pullSecrets) {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .build())
        .create();
    ServiceAccountBuilder sa =
        new ServiceAccountBuilder()
            .withNewMetadata()
            .withName("default")
            .withNamespace(name)
            .endMetadata();
    pullSecrets.forEach(sa::addNewImagePullSecret);
    client.serviceAccounts().inNamespace(name).resource(sa.build()).create();
  }

  /**
   * Plays kube-controller-manager's ServiceAccount controller, which the mock lacks: every
   * namespace created from now on gets its {@code default} ServiceAccount; and Kubeflow's profile
   * controller: a namespace labelled as a Kubeflow profile also gets {@code default-editor}.
   */
  public void createDefaultServiceAccounts() {
    KubernetesClient client = client();
    client
        .namespaces()
        .inform(
            new io.fabric8.kubernetes.client.informers.ResourceEventHandler<>() {
              @Override
              public void onAdd(io.fabric8.kubernetes.api.model.Namespace ns) {
                String name = ns.getMetadata().getName();
                serviceAccount(client, name, "default");
                Map<String, String> labels = ns.getMetadata().getLabels();
                if (labels != null && "kubeflow-profile".equals(labels.get(PROFILE_LABEL))) {
                  serviceAccount(client, name, EDITOR); // as Kubeflow's profile controller does
                }
              }

              @Override
              public void onUpdate(
                  io.fabric8.kubernetes.api.model.Namespace a,
                  io.fabric8.kubernetes.api.model.Namespace b) {}

              @Override
              public void onDelete(io.fabric8.kubernetes.api.model.Namespace ns, boolean unknown) {}
            });
    controllerClient = client;
  }

  /** Writes a kubeconfig for kubectl pointing at this API (no credentials needed). */
  public Path writeKubeconfig(Path file) {
    String yaml =
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: pullsync-demo
          cluster:
            server: %s
        contexts:
        - name: pullsync-demo
          context:
            cluster: pullsync-demo
            user: pullsync-demo
            namespace: default
        current-context: pullsync-demo
        users:
        - name: pullsync-demo
          user: {}
        """
            .formatted(url);
    try {
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(java.util.logging.Level.WARNING);
    return logger;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  @Override
  public void close() {
    if (controllerClient != null) {
      controllerClient.close();
    }
    server.destroy();
  }
}
