package dev.pullsync.bench;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * The benchmark's own hands on the cluster: seeds namespaces with their {@code default}
 * ServiceAccount, drifts objects, adds namespaces while the agent runs, and reads the request
 * counts. Its requests carry the {@link CountingDispatcher#SEED_AGENT} User-Agent, so they are not
 * counted against the agent.
 */
final class BenchCluster implements AutoCloseable {
  /** Every other namespace carries it; the selector PullSecret selects it. */
  static final String TIER_LABEL = "bench.pullsync.dev/tier";

  private final String url;
  private final KubernetesClient client;
  private final HttpClient http = HttpClient.newHttpClient();

  BenchCluster(String url) {
    this.url = url;
    this.client =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(BenchServer.config(url))
                    .withUserAgent(CountingDispatcher.SEED_AGENT)
                    .build())
            .build();
  }

  KubernetesClient client() {
    return client;
  }

  String url() {
    return url;
  }

  static String namespace(int i) {
    return String.format("team-%05d", i);
  }

  /** Creates namespaces {@code from..to-1}, each with a {@code default} ServiceAccount. */
  void seed(int from, int to) {
    parallel(from, to, i -> createNamespace(namespace(i), i % 2 == 0));
  }

  void createNamespace(String name, boolean gold) {
    Map<String, String> labels = new HashMap<>();
    labels.put("kubernetes.io/metadata.name", name);
    if (gold) {
      labels.put(TIER_LABEL, "gold");
    }
    Namespace ns =
        new NamespaceBuilder()
            .withNewMetadata()
            .withName(name)
            .withLabels(labels)
            .endMetadata()
            .build();
    client.namespaces().resource(ns).create();
    ServiceAccount sa =
        new ServiceAccountBuilder()
            .withNewMetadata()
            .withNamespace(name)
            .withName("default")
            .endMetadata()
            .build();
    client.serviceAccounts().inNamespace(name).resource(sa).create();
  }

  /** A hand-made pull Secret, not labelled as pullsync's (the migration case). */
  void createHandmadeSecret(String namespace, String name) {
    Secret s =
        new io.fabric8.kubernetes.api.model.SecretBuilder()
            .withNewMetadata()
            .withNamespace(namespace)
            .withName(name)
            .endMetadata()
            .withType("kubernetes.io/dockerconfigjson")
            .withData(
                Map.of(
                    ".dockerconfigjson",
                    Base64.getEncoder().encodeToString("{\"auths\":{}}".getBytes())))
            .build();
    client.secrets().inNamespace(namespace).resource(s).create();
  }

  void deleteSecret(String namespace, String name) {
    client.secrets().inNamespace(namespace).withName(name).delete();
  }

  /** Replaces the Secret's {@code .dockerconfigjson} with another value. */
  void editSecret(String namespace, String name) {
    Secret s = client.secrets().inNamespace(namespace).withName(name).get();
    Map<String, String> data = new HashMap<>(s.getData());
    data.put(".dockerconfigjson", Base64.getEncoder().encodeToString("{\"auths\":{}}".getBytes()));
    s.setData(data);
    client.secrets().inNamespace(namespace).resource(s).update();
  }

  /** Removes one entry from the ServiceAccount's {@code imagePullSecrets}. */
  void unlink(String namespace, String serviceAccount, String entry) {
    ServiceAccount sa =
        client.serviceAccounts().inNamespace(namespace).withName(serviceAccount).get();
    List<LocalObjectReference> refs = new ArrayList<>(sa.getImagePullSecrets());
    refs.removeIf(r -> entry.equals(r.getName()));
    sa.setImagePullSecrets(refs);
    client.serviceAccounts().inNamespace(namespace).resource(sa).update();
  }

  RequestCounts counts() {
    return RequestCounts.parse(call("GET", CountingDispatcher.COUNTS_PATH));
  }

  void resetCounts() {
    call("POST", CountingDispatcher.RESET_PATH);
  }

  private String call(String method, String path) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url + path))
              .method(method, HttpRequest.BodyPublishers.noBody())
              .build();
      return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static void parallel(int from, int to, IntConsumer task) {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = from; i < to; i++) {
        int n = i;
        futures.add(pool.submit(() -> task.accept(n)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("seeding failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
