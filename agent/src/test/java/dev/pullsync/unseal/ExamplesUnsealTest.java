package dev.pullsync.unseal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.spec.Spec;
import dev.pullsync.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every sealed value in the repository's examples opens with the public demo key
 * (examples/demo-key), as the agent in namespace {@code pullsync} would open it.
 */
class ExamplesUnsealTest {
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final KeyRing DEMO = KeyRing.load(List.of(EXAMPLES.resolve("demo-key/tls.key")));

  @ParameterizedTest
  @ValueSource(strings = {"kubeflow-harbor", "multi-registry"})
  void everyRegistryOfTheExampleUnsealsWithTheDemoKey(String example) {
    Spec spec = new SpecLoader().load(EXAMPLES.resolve(example));
    assertThat(spec.registries()).isNotEmpty();
    Unsealed unsealed = new Unsealer(DEMO, "pullsync").unseal(spec);
    assertThat(unsealed.credentials().keySet())
        .containsExactlyInAnyOrderElementsOf(
            spec.registries().stream().map(r -> r.name()).toList());
    Credential harbor = unsealed.credentials().get("harbor");
    assertThat(harbor.string("password")).isEqualTo("Harbor12345");
  }

  @Test
  void everySealedSecretManifestInTheExamplesUnsealsWithTheDemoKey() throws Exception {
    List<Path> manifests;
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      manifests =
          files
              .filter(f -> f.toString().endsWith(".yaml"))
              .filter(f -> read(f).contains("kind: SealedSecret"))
              .toList();
    }
    assertThat(manifests).isNotEmpty();
    for (Path m : manifests) {
      SealedSecretManifest manifest = SealedSecretManifest.parse(read(m), m.toString());
      assertThat(manifest.unseal(DEMO).get("data")).as(m.toString()).isNotNull();
    }
  }

  @Test
  void noExampleValueOpensWithTheVectorsKeyAnyMore() {
    Spec spec = new SpecLoader().load(EXAMPLES.resolve("kubeflow-harbor"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Unsealer(TestKeys.ringA(), "pullsync").unseal(spec))
        .isInstanceOf(dev.pullsync.spec.InvalidSpecException.class)
        .hasMessageContaining(
            "spec.password: no key could decrypt this value for scopes"
                + " namespace-wide (pullsync), cluster-wide or strict (pullsync/harbor)");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
