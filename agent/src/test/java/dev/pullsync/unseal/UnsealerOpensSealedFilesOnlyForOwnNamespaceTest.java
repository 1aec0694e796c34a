package dev.pullsync.unseal;

import static dev.pullsync.unseal.UnsealerTest.registry;
import static dev.pullsync.unseal.UnsealerTest.sealed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullsync.spec.CredentialSource;
import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.Location;
import dev.pullsync.spec.Problem;
import dev.pullsync.spec.SecretValue;
import dev.pullsync.spec.Spec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The unseal stage keeps the rule even for a spec built without the loader: a SealedSecret the key
 * ring could open, but sealed for another namespace, is not opened; the same file is opened by an
 * agent running in the namespace it was sealed for.
 */
class UnsealerOpensSealedFilesOnlyForOwnNamespaceTest {
  private static final String CANARY = "canary-team-a-Harbor-do-not-leak";

  @Test
  void refusesAFileTheKeysCouldOpenButSealedForAnotherNamespace() throws Exception {
    for (Scope scope : List.of(Scope.STRICT, Scope.NAMESPACE_WIDE)) {
      Spec spec = specSealedFor(scope, "team-a");

      assertThatThrownBy(() -> new Unsealer(TestKeys.ringA(), "pullsync").unseal(spec))
          .isInstanceOfSatisfying(
              InvalidSpecException.class,
              e ->
                  assertThat(e.problems())
                      .extracting(Problem::toString)
                      .singleElement()
                      .asString()
                      .startsWith(
                          "sealed/team-a.yaml:1: metadata.namespace: sealed "
                              + scope.text()
                              + " for namespace \"team-a\", not the agent's namespace"
                              + " \"pullsync\"")
                      .doesNotContain(CANARY));
      assertThat(
              new Unsealer(TestKeys.ringA(), "team-a")
                  .unseal(spec)
                  .credentials()
                  .get("harbor")
                  .string(".dockerconfigjson"))
          .isEqualTo(CANARY);
    }
  }

  @Test
  void opensClusterWideFilesWhateverTheirNamespace() throws Exception {
    Spec spec = specSealedFor(Scope.CLUSTER_WIDE, "team-a");

    assertThat(
            new Unsealer(TestKeys.ringA(), "pullsync")
                .unseal(spec)
                .credentials()
                .get("harbor")
                .string(".dockerconfigjson"))
        .isEqualTo(CANARY);
  }

  private static Spec specSealedFor(Scope scope, String namespace) throws Exception {
    Map<String, SecretValue.Sealed> data =
        Map.of(".dockerconfigjson", sealed(CANARY, scope, namespace, "team-a-pull", 10));
    CredentialSource source =
        new CredentialSource.SealedSecretFile(
            "sealed/team-a.yaml",
            namespace,
            "team-a-pull",
            scope.text(),
            data,
            new Location("sealed/team-a.yaml", 1));
    return new Spec(List.of(registry("harbor", source)), List.of());
  }
}
