package dev.pullsync.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What SpecLoader hands the next stage: records with every field, default and location. */
class SpecLoaderBuildsRecordsTest {
  private static final Path EXAMPLES = Path.of("..", "examples");
  private final SpecLoader loader = new SpecLoader();

  @Test
  void buildsTheKubeflowHarborScenario() {
    Spec spec = loader.load(EXAMPLES.resolve("kubeflow-harbor"));
    RegistrySpec harbor = spec.registry("harbor").orElseThrow();
    assertThat(harbor.server()).isEqualTo("192.168.58.12:30002");
    assertThat(harbor.location()).isEqualTo(new Location("harbor.yaml", 8));
    CredentialSource.UsernamePassword cred =
        (CredentialSource.UsernamePassword) harbor.credential();
    assertThat(cred.username())
        .isEqualTo(new SecretValue.Plain("admin", new Location("harbor.yaml", 12)));
    assertThat(cred.password()).isInstanceOf(SecretValue.Sealed.class);
    assertThat(cred.password().location()).isEqualTo(new Location("harbor.yaml", 14));
    assertThat(cred.email()).contains("admin@example.com");
    assertThat(harbor.expires()).isEmpty();

    assertThat(spec.pullSecrets())
        .extracting(PullSecretSpec::name)
        .containsExactlyInAnyOrder("harbor-credentials", "harbor-credentials-kubeflow");
    PullSecretSpec secret =
        spec.pullSecrets().stream()
            .filter(p -> p.name().equals("harbor-credentials"))
            .findFirst()
            .orElseThrow();
    assertThat(secret.registries()).containsExactly("harbor");
    assertThat(secret.namespaces().names()).containsExactly("user-example-com");
    assertThat(secret.namespaces().selector().orElseThrow().matchLabels())
        .isEqualTo(Map.of("app.kubernetes.io/part-of", "kubeflow-profile"));
    assertThat(secret.serviceAccounts())
        .containsExactly(Glob.parse("default"), Glob.parse("default-editor"));
    assertThat(secret.mode()).isEqualTo(Mode.ENFORCE);
    assertThat(secret.adopt()).isEqualTo(Adopt.NEVER);
  }

  @Test
  void readsEveryCredentialFormAndOption() {
    Spec spec = loader.load(EXAMPLES.resolve("multi-registry"));
    assertThat(spec.registries())
        .extracting(RegistrySpec::name)
        .containsExactly("harbor", "quay", "ghcr", "dockerhub");
    assertThat(spec.registry("harbor").orElseThrow().expires()).contains(LocalDate.of(2027, 6, 30));
    assertThat(spec.registry("quay").orElseThrow().credential())
        .isInstanceOf(CredentialSource.DockerConfigJson.class);
    CredentialSource.SealedSecretFile file =
        (CredentialSource.SealedSecretFile) spec.registry("ghcr").orElseThrow().credential();
    assertThat(file.path()).isEqualTo("sealed/ghcr.yaml");
    assertThat(file.scope()).isEqualTo("namespace-wide");
    assertThat(file.namespace()).isEqualTo("pullsync");
    assertThat(file.name()).isEqualTo("harbor-credentials");
    assertThat(file.encryptedData()).containsOnlyKeys(".dockerconfigjson");
    assertThat(file.encryptedData().get(".dockerconfigjson").location().file())
        .isEqualTo("sealed/ghcr.yaml");
    CredentialSource.UsernamePassword hub =
        (CredentialSource.UsernamePassword) spec.registry("dockerhub").orElseThrow().credential();
    assertThat(hub.username()).isInstanceOf(SecretValue.Sealed.class);
    assertThat(hub.email()).isEmpty();

    PullSecretSpec quay = spec.pullSecrets().get(1);
    assertThat(quay.mode()).isEqualTo(Mode.REPORT);
    LabelSelector.Requirement req =
        quay.namespaces().selector().orElseThrow().matchExpressions().get(0);
    assertThat(req.operator()).isEqualTo(LabelSelector.Operator.IN);
    assertThat(req.values()).containsExactly("notebooks", "training");
    assertThat(quay.serviceAccounts())
        .extracting(Glob::text)
        .containsExactly("default", "pipeline-*");
    PullSecretSpec ghcr = spec.pullSecrets().get(2);
    assertThat(ghcr.adopt()).isEqualTo(Adopt.IF_UNMANAGED);
    assertThat(ghcr.namespaces().exclude())
        .extracting(Glob::text)
        .containsExactly("kube-*", "default", "pullsync");
  }

  @Test
  void readsSealedSecretScopesFromAnnotations(@TempDir Path root) throws IOException {
    String sealed = Files.readString(EXAMPLES.resolve("multi-registry/sealed/ghcr.yaml"));
    Files.createDirectory(root.resolve("s"));
    Files.writeString(
        root.resolve("s/cluster.yaml"), sealed.replace("namespace-wide", "cluster-wide"));
    Files.writeString(
        root.resolve("s/strict.yaml"), sealed.replaceAll(".*namespace-wide.*\\n", ""));
    Files.writeString(
        root.resolve("r.yaml"),
        registry("a", "s/cluster.yaml") + "---\n" + registry("b", "s/strict.yaml"));
    Spec spec = loader.load(root);
    assertThat(scope(spec, "a")).isEqualTo("cluster-wide");
    assertThat(scope(spec, "b")).isEqualTo("strict");
  }

  @Test
  void problemsAreSortedByFileThenLineAndCarryNoCiphertext(@TempDir Path root) throws IOException {
    Files.writeString(root.resolve("b.yaml"), "kind: X\napiVersion: pullsync.dev/v1alpha1\n");
    Files.writeString(root.resolve("a.yaml"), registry("Bad", "missing.yaml"));
    assertThatThrownBy(() -> loader.load(root))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::toString)
                    .containsExactly(
                        "a.yaml:4: metadata.name: registry name must be a DNS-1123 label: lower-case"
                            + " letters, digits and '-', starting and ending with a letter or digit",
                        "a.yaml:7: spec.sealedSecretFile: file missing.yaml does not exist",
                        "b.yaml:1: kind: unknown kind \"X\" (expected Registry or PullSecret)"));
  }

  @Test
  void emptyDirectoryIsAnEmptySpec(@TempDir Path root) {
    assertThat(loader.load(root)).isEqualTo(new Spec(List.of(), List.of()));
  }

  private static String scope(Spec spec, String name) {
    return ((CredentialSource.SealedSecretFile) spec.registry(name).orElseThrow().credential())
        .scope();
  }

  private static String registry(String name, String file) {
    return "apiVersion: pullsync.dev/v1alpha1\nkind: Registry\nmetadata:\n  name: "
        + name
        + "\nspec:\n  server: ghcr.io\n  sealedSecretFile: "
        + file
        + "\n";
  }
}
