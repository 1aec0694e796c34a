package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@code sealedSecretFile} is accepted only when the sealed-secrets controller would open it in
 * the agent's own namespace: cluster-wide, or namespace-wide / strict with {@code
 * metadata.namespace} equal to the agent's namespace. Every scope x namespace, with the default
 * namespace {@code pullsync} and with {@code --namespace}.
 */
class ValidateOpensSealedFilesOnlyForOwnNamespaceTest {
  /** Shaped like a ciphertext for a 4096-bit key; never opened (validate has no key). */
  private static final String CIPHERTEXT = ciphertext();

  @TempDir Path root;

  static Stream<Arguments> scopesAndNamespaces() {
    List<Arguments> cases = new ArrayList<>();
    for (String scope : List.of("strict", "namespace-wide", "cluster-wide")) {
      for (String namespace : List.of("pullsync", "team-a", "")) {
        boolean accepted = scope.equals("cluster-wide") || namespace.equals("pullsync");
        cases.add(Arguments.of(scope, namespace, accepted));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} for \"{1}\" accepted: {2}")
  @MethodSource("scopesAndNamespaces")
  void acceptsOnlyWhatTheControllerWouldOpenInTheAgentNamespace(
      String scope, String namespace, boolean accepted) throws IOException {
    write(scope, namespace);

    ValidateRun run = ValidateRun.of(root);

    if (accepted) {
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).startsWith("OK: ");
    } else if (namespace.isEmpty()) {
      run.assertRejectedWith(
          "sealed/ghcr.yaml:3: metadata: a "
              + scope
              + " SealedSecret without metadata.namespace is not opened: re-seal it for the"
              + " agent's namespace (metadata.namespace: pullsync; kubeseal --namespace pullsync"
              + " --scope namespace-wide), or seal it cluster-wide");
    } else {
      run.assertRejectedWith(
          "sealed/ghcr.yaml:5: metadata.namespace: sealed "
              + scope
              + " for namespace \"team-a\", not the agent's namespace \"pullsync\"; the agent"
              + " opens only what the sealed-secrets controller would open in its own namespace:"
              + " re-seal it for the agent's namespace (metadata.namespace: pullsync; kubeseal"
              + " --namespace pullsync --scope namespace-wide), or seal it cluster-wide");
    }
  }

  @Test
  void theAgentNamespaceComesFromTheNamespaceOption() throws IOException {
    write("namespace-wide", "team-a");

    assertThat(ValidateRun.of(root, "--namespace", "team-a").exitCode()).isZero();
    ValidateRun other = ValidateRun.of(root, "--namespace", "platform");
    assertThat(other.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(other.err())
        .contains("sealed namespace-wide for namespace \"team-a\"")
        .contains("not the agent's namespace \"platform\"")
        .contains("kubeseal --namespace platform");
  }

  private void write(String scope, String namespace) throws IOException {
    StringBuilder sealed = new StringBuilder();
    sealed.append("apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n");
    sealed.append("  name: ghcr-pull\n");
    if (!namespace.isEmpty()) {
      sealed.append("  namespace: ").append(namespace).append('\n');
    }
    if (!scope.equals("strict")) {
      sealed.append("  annotations:\n    sealedsecrets.bitnami.com/" + scope + ": \"true\"\n");
    }
    sealed.append("spec:\n  encryptedData:\n    .dockerconfigjson: ").append(CIPHERTEXT);
    sealed.append('\n');
    Files.createDirectories(root.resolve("sealed"));
    Files.writeString(root.resolve("sealed/ghcr.yaml"), sealed);
    Files.writeString(
        root.resolve("registry.yaml"),
        "apiVersion: pullsync.dev/v1alpha1\nkind: Registry\nmetadata:\n  name: ghcr\n"
            + "spec:\n  server: ghcr.io\n  sealedSecretFile: sealed/ghcr.yaml\n");
  }

  static String ciphertext() {
    byte[] bytes = new byte[2 + 512 + 64];
    bytes[0] = 0x02;
    return Base64.getEncoder().encodeToString(bytes);
  }
}
