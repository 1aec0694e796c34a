package dev.pullsync.apply;

import dev.pullsync.spec.IoWords;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a client exception into a reason fit for a report: the HTTP code and the API's reason word
 * (e.g. {@code 409 Conflict}). Messages and bodies are dropped: they can quote the object.
 */
final class ApiFailure {
  /**
   * The API server's RBAC denial names the request, never its body: {@code secrets is forbidden:
   * User "..." cannot create resource "secrets" in API group "" in the namespace "team-a"}.
   */
  private static final Pattern RBAC_DENIAL =
      Pattern.compile(
          "cannot ([a-z]+) resource \"([a-z0-9.\\-]+)\""
              + "(?: in API group \"([a-z0-9.\\-]*)\")?"
              + "(?: in the namespace \"([a-z0-9.\\-]+)\")?");

  private ApiFailure() {}

  static String reason(Exception e) {
    if (e instanceof Throttle.WritesStopped) {
      return e.getMessage();
    }
    if (e instanceof KubernetesClientException k) {
      String word =
          k.getStatus() != null && k.getStatus().getReason() != null
              ? k.getStatus().getReason()
              : "";
      if (k.getCode() <= 0) {
        return "API request failed (" + IoWords.network(k) + ")";
      }
      String base = ("API error " + k.getCode() + " " + word).trim();
      return k.getCode() == 403 ? base + ": " + missingPermission(k) : base;
    }
    return "failed (" + e.getClass().getSimpleName() + ")";
  }

  /** What RBAC permission the agent lacks, read from the denial's request attributes only. */
  static String missingPermission(KubernetesClientException k) {
    String message = k.getStatus() == null ? null : k.getStatus().getMessage();
    Matcher m = message == null ? null : RBAC_DENIAL.matcher(message);
    if (m == null || !m.find()) {
      return "the agent's ServiceAccount lacks a permission (compare its Role with"
          + " examples/deploy/rbac.yaml)";
    }
    String group = m.group(3) == null || m.group(3).isEmpty() ? "" : m.group(3) + "/";
    String where = m.group(4) == null ? " cluster-wide" : " in namespace " + m.group(4);
    return "the agent's ServiceAccount may not "
        + m.group(1)
        + " "
        + group
        + m.group(2)
        + where
        + " (grant it as in examples/deploy/rbac.yaml)";
  }

  /** The report's words for a write refused because its namespace is being deleted. */
  static final String NAMESPACE_TERMINATING = "namespace terminating; skipped";

  /**
   * True for the API's refusal to write into a namespace being deleted (403 with cause {@code
   * NamespaceTerminating}, "... because it is being terminated"): not a missing permission.
   */
  static boolean isNamespaceTerminating(Exception e) {
    if (!(e instanceof KubernetesClientException k) || k.getCode() != 403) {
      return false;
    }
    if (k.getStatus() == null) {
      return false;
    }
    String message = k.getStatus().getMessage();
    boolean cause =
        k.getStatus().getDetails() != null
            && k.getStatus().getDetails().getCauses() != null
            && k.getStatus().getDetails().getCauses().stream()
                .anyMatch(c -> "NamespaceTerminating".equals(c.getReason()));
    return cause || (message != null && message.contains("because it is being terminated"));
  }

  static boolean isConflict(Exception e) {
    return e instanceof KubernetesClientException k && k.getCode() == 409;
  }
}
