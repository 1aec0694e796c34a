package dev.pullsync.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

/** An RBAC 403 says which permission is missing, taken from the denial, never from a body. */
class NamesMissingPermissionTest {

  @Test
  void aForbiddenCreateNamesVerbResourceAndNamespace() {
    String reason =
        ApiFailure.reason(
            forbidden(
                "secrets \"harbor-credentials\" is forbidden: User"
                    + " \"system:serviceaccount:pullsync:pullsync\" cannot create resource"
                    + " \"secrets\" in API group \"\" in the namespace \"team-a\""));
    assertThat(reason)
        .isEqualTo(
            "API error 403 Forbidden: the agent's ServiceAccount may not create secrets in"
                + " namespace team-a (grant it as in examples/deploy/rbac.yaml)");
  }

  @Test
  void aClusterScopedDenialWithAGroupSaysSo() {
    String reason =
        ApiFailure.reason(
            forbidden(
                "leases.coordination.k8s.io is forbidden: User \"x\" cannot list resource"
                    + " \"leases\" in API group \"coordination.k8s.io\" at the cluster scope"));
    assertThat(reason)
        .endsWith(
            "may not list coordination.k8s.io/leases cluster-wide (grant it as in"
                + " examples/deploy/rbac.yaml)");
  }

  @Test
  void anUnrecognisedDenialPointsAtTheRoleWithoutQuotingIt() {
    String canary = "canary-Harbor12345";
    String reason = ApiFailure.reason(forbidden("webhook denied the request: " + canary));
    assertThat(reason)
        .startsWith("API error 403 Forbidden: the agent's ServiceAccount lacks a permission")
        .doesNotContain(canary);
  }

  @Test
  void otherErrorsStayCodeAndReasonOnly() {
    Status status =
        new StatusBuilder().withCode(409).withReason("Conflict").withMessage("body").build();
    assertThat(ApiFailure.reason(new KubernetesClientException(status)))
        .isEqualTo("API error 409 Conflict");
  }

  private static KubernetesClientException forbidden(String message) {
    Status status =
        new StatusBuilder().withCode(403).withReason("Forbidden").withMessage(message).build();
    return new KubernetesClientException(status);
  }
}
