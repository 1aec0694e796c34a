package dev.pullsync.apply;

import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Turns a client exception into a reason fit for a report: the HTTP code and the API's reason word
 * (e.g. {@code 409 Conflict}). Messages and bodies are dropped: they can quote the object.
 */
final class ApiFailure {
  private ApiFailure() {}

  static String reason(Exception e) {
    if (e instanceof KubernetesClientException k) {
      String word =
          k.getStatus() != null && k.getStatus().getReason() != null
              ? k.getStatus().getReason()
              : "";
      return k.getCode() == 0
          ? "API request failed (" + rootName(k) + ")"
          : ("API error " + k.getCode() + " " + word).trim();
    }
    return "failed (" + e.getClass().getSimpleName() + ")";
  }

  static boolean isConflict(Exception e) {
    return e instanceof KubernetesClientException k && k.getCode() == 409;
  }

  private static String rootName(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName();
  }
}
