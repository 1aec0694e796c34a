package dev.pullsync.testkit;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
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
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Function;

/**
 * An in-memory CRUD Kubernetes API (fabric8 mock) behind a dispatcher that records every request
 * ("METHOD path") and can fault chosen ones. The client retries little, so faults are fast.
 */
public final class MockCluster implements AutoCloseable {
  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private KubernetesClient patient;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<Request> log = Collections.synchronizedList(new ArrayList<>());
  private volatile Function<RecordedRequest, MockResponse> fault = r -> null;

  public MockCluster() {
    this(new KubernetesMixedDispatcher(new HashMap<>()));
  }

  /** A cluster served by {@code crud} (e.g. a CRUD dispatcher that drops some watch events). */
  public MockCluster(Dispatcher crud) {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    Dispatcher recording =
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.add(request.getMethod() + " " + request.getPath());
            log.add(
                new Request(
                    System.nanoTime(),
                    request.getMethod(),
                    request.getPath(),
                    String.valueOf(request.getHeader("User-Agent"))));
            MockResponse faulted = fault.apply(request);
            return faulted != null ? faulted : crud.dispatch(request);
          }

          @Override
          public void shutdown() {
            crud.shutdown();
          }
        };
    server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            new MockWebServer(),
            responses,
            recording,
            false);
    server.init();
    KubernetesClient base = server.createClient();
    client =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(base.getConfiguration())
                    .withRequestRetryBackoffLimit(0)
                    .withRequestRetryBackoffInterval(10)
                    // the mock blocks its event loop while a closed watch drains (fabric8
                    // WatchEventsListener.onClosed waits up to 30 s): a test's own reads after
                    // an engine closed must outwait that rather than fail at the 10 s default
                    .withRequestTimeout(60_000)
                    .build())
            .build();
    base.close();
  }

  /** One request as the server received it: arrival (System.nanoTime), method, path, agent. */
  public record Request(long at, String method, String path, String userAgent) {
    /** Anything but GET (reads and watches). */
    public boolean isWrite() {
      return !method.equals("GET");
    }
  }

  /** Every request so far, with arrival time and User-Agent. */
  public List<Request> requestLog() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  /** A new client of this server that sends {@code userAgent} (to tell two agents apart). */
  public KubernetesClient clientAs(String userAgent) {
    return new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder(client.getConfiguration()).withUserAgent(userAgent).build())
        .build();
  }

  /** A kubeconfig file pointing at this server, for command-line tests. */
  public java.nio.file.Path kubeconfig(java.nio.file.Path dir) {
    String yaml =
        "apiVersion: v1\nkind: Config\nclusters:\n- name: mock\n  cluster:\n    server: "
            + client.getConfiguration().getMasterUrl()
            + "\n    insecure-skip-tls-verify: true\ncontexts:\n- name: mock\n  context:\n"
            + "    cluster: mock\n    user: mock\n    namespace: default\ncurrent-context: mock\n"
            + "users:\n- name: mock\n  user:\n    token: mock-token\n";
    try {
      java.nio.file.Path file = dir.resolve("kubeconfig");
      java.nio.file.Files.writeString(file, yaml);
      return file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public KubernetesClient client() {
    return client;
  }

  /**
   * A client that waits up to a minute per request, for tests that stop and start engines (agent
   * restarts) on one server: the mock blocks its event loop while a closed watch's last events
   * drain (fabric8 WatchEventsListener.onClosed waits up to 30 s), and a request sent meanwhile
   * must outwait that instead of failing. Closed with the cluster.
   */
  public synchronized KubernetesClient patientClient() {
    if (patient == null) {
      patient =
          new KubernetesClientBuilder()
              .withConfig(
                  new ConfigBuilder(client.getConfiguration())
                      .withRequestTimeout(60_000)
                      .withUserAgent("pullsync-restarting-engine")
                      .build())
              .build();
    }
    return patient;
  }

  /** Every request so far, as "METHOD path". */
  public List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** The requests that write (anything but GET), excluding watches. */
  public List<String> writes() {
    return requests().stream().filter(r -> !r.startsWith("GET ")).toList();
  }

  public void clearRequests() {
    requests.clear();
  }

  /** Answers requests for which {@code f} returns a response with it; others reach the store. */
  public void fault(Function<RecordedRequest, MockResponse> f) {
    this.fault = f == null ? r -> null : f;
  }

  public MockCluster namespace(String name, Map<String, String> labels) {
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
    return this;
  }

  public MockCluster namespace(String name) {
    return namespace(name, Map.of());
  }

  public MockCluster serviceAccount(String namespace, String name, String... pullSecrets) {
    ServiceAccountBuilder sa =
        new ServiceAccountBuilder()
            .withNewMetadata()
            .withNamespace(namespace)
            .withName(name)
            .endMetadata();
    for (String p : pullSecrets) {
      sa.addNewImagePullSecret(p);
    }
    client.serviceAccounts().inNamespace(namespace).resource(sa.build()).create();
    return this;
  }

  /** The imagePullSecrets names of a ServiceAccount, in order. */
  public List<String> pullSecretsOf(String namespace, String name) {
    var sa = client.serviceAccounts().inNamespace(namespace).withName(name).get();
    return sa.getImagePullSecrets() == null
        ? List.of()
        : sa.getImagePullSecrets().stream().map(r -> r.getName()).toList();
  }

  @Override
  public void close() {
    client.close();
    if (patient != null) {
      patient.close();
    }
    try {
      server.destroy();
    } catch (IllegalStateException slowShutdown) {
      // the mock waits a bounded time for its threads; on a loaded machine that can time out,
      // which says nothing about the behaviour under test
    }
  }
}
