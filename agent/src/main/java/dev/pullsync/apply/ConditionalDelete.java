package dev.pullsync.apply;

import dev.pullsync.desired.Ref;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Deletes a Secret only if it is still the object we read: the request carries {@code
 * DeleteOptions.preconditions} with the uid and resourceVersion of our cached copy, so a Secret
 * that someone deleted and recreated (new uid), or changed (new resourceVersion), while our cache
 * was stale, or since another leader read it, is never deleted by us: the API answers 409 and the
 * caller reports a conflict; the next reconcile decides again from fresh caches. (The fabric8 DSL
 * can lock the resourceVersion only, hence the one request sent by hand.)
 */
final class ConditionalDelete {
  /** What became of the request. */
  enum Result {
    DELETED,
    ALREADY_GONE,
    CHANGED_SINCE_READ
  }

  /** The preconditions; an empty field is not sent. */
  record Preconditions(String uid, String resourceVersion) {
    static Preconditions of(HasMetadata read) {
      String uid = read.getMetadata().getUid();
      String version = read.getMetadata().getResourceVersion();
      return new Preconditions(uid == null ? "" : uid, version == null ? "" : version);
    }
  }

  private ConditionalDelete() {}

  /** The DeleteOptions body that carries {@code p}. */
  static String body(Preconditions p) {
    Map<String, Object> preconditions = new LinkedHashMap<>();
    if (!p.uid().isEmpty()) {
      preconditions.put("uid", p.uid());
    }
    if (!p.resourceVersion().isEmpty()) {
      preconditions.put("resourceVersion", p.resourceVersion());
    }
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("apiVersion", "v1");
    options.put("kind", "DeleteOptions");
    options.put("preconditions", preconditions);
    return Serialization.asJson(options);
  }

  /**
   * What an answer's status code means: 2xx deleted, 404 already gone, 409 changed since read.
   *
   * @throws KubernetesClientException for any other code (with the API's status, for the report)
   */
  static Result interpret(int code, String body) {
    if (code >= 200 && code < 300) {
      return Result.DELETED;
    }
    if (code == 404) {
      return Result.ALREADY_GONE;
    }
    if (code == 409) {
      return Result.CHANGED_SINCE_READ;
    }
    throw new KubernetesClientException(status(code, body));
  }

  /** Sends the conditional delete of Secret {@code ref}. */
  static Result secret(KubernetesClient client, Ref ref, Preconditions p) {
    String url =
        client.getMasterUrl().toString().replaceAll("/+$", "")
            + "/api/v1/namespaces/"
            + ref.namespace()
            + "/secrets/"
            + ref.name();
    HttpRequest request =
        client
            .getHttpClient()
            .newHttpRequestBuilder()
            .uri(url)
            .method("DELETE", "application/json", body(p))
            .build();
    try {
      HttpResponse<String> response = client.getHttpClient().sendAsync(request, String.class).get();
      return interpret(response.code(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KubernetesClientException("interrupted while deleting", e);
    } catch (ExecutionException e) {
      throw new KubernetesClientException("delete request failed", e.getCause());
    }
  }

  private static Status status(int code, String body) {
    try {
      Status parsed = Serialization.unmarshal(body, Status.class);
      if (parsed != null && parsed.getCode() != null) {
        return parsed;
      }
    } catch (RuntimeException notAStatus) {
      // fall through: the code alone is what the report needs
    }
    return new StatusBuilder().withCode(code).build();
  }
}
