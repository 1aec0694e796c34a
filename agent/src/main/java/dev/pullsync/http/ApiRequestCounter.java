package dev.pullsync.http;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * A fabric8 HTTP {@link Interceptor} that counts every request the Kubernetes client sends
 * (including retries and watch/informer list calls) as {@code pullsync_api_requests_total{method}}.
 */
public final class ApiRequestCounter implements Interceptor {
  /** The interceptor's name on the client's HTTP builder. */
  public static final String NAME = "pullsync-api-requests";

  private final MeterRegistry registry;

  ApiRequestCounter(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Installs this counter on a client builder (call before {@code build()}). */
  public KubernetesClientBuilder installOn(KubernetesClientBuilder builder) {
    return builder.withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor(NAME, this));
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    Counter.builder("pullsync.api.requests")
        .description("Requests sent to the Kubernetes API")
        .tag("method", request.method().toUpperCase(Locale.ROOT))
        .register(registry)
        .increment();
  }
}
