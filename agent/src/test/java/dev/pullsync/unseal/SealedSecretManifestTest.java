package dev.pullsync.unseal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullsync.spec.InvalidSpecException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** kubeseal's SealedSecrets (YAML and JSON, every scope) unseal to the Secrets they came from. */
class SealedSecretManifestTest {
  @ParameterizedTest
  @CsvSource({
    "strict, yaml, STRICT",
    "strict, json, STRICT",
    "namespace-wide, yaml, NAMESPACE_WIDE",
    "namespace-wide, json, NAMESPACE_WIDE",
    "cluster-wide, yaml, CLUSTER_WIDE",
    "cluster-wide, json, CLUSTER_WIDE"
  })
  void unsealsToTheInputSecret(String scope, String format, Scope expected) throws Exception {
    String sealed =
        Files.readString(
            TestKeys.resource("vectors/manifests/sealedsecret-" + scope + "." + format));
    SealedSecretManifest manifest = SealedSecretManifest.parse(sealed, "sealed." + format);
    assertThat(manifest.scope()).isEqualTo(expected);
    Map<String, Object> secret = manifest.unseal(TestKeys.ringA());
    Map<?, ?> input =
        (Map<?, ?>)
            new Load(LoadSettings.builder().build())
                .loadFromString(
                    Files.readString(
                        TestKeys.resource("vectors/manifests/input-secret-" + scope + ".yaml")));
    assertThat(secret.get("data")).isEqualTo(input.get("data"));
    assertThat(secret.get("type")).isEqualTo(input.get("type"));
    assertThat(secret.get("metadata")).isEqualTo(input.get("metadata"));
  }

  @ParameterizedTest
  @CsvSource({"strict", "namespace-wide", "cluster-wide"})
  void theWrongKeyNamesTheLineAndScopeButNoData(String scope) throws Exception {
    String sealed =
        Files.readString(TestKeys.resource("vectors/manifests/sealedsecret-" + scope + ".yaml"));
    SealedSecretManifest manifest = SealedSecretManifest.parse(sealed, "s.yaml");
    KeyRing other = KeyRing.of(TestKeys.spare().getPrivate());
    assertThatThrownBy(() -> manifest.unseal(other))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> {
              assertThat(e.problems()).hasSize(1);
              assertThat(e.getMessage())
                  .startsWith("s.yaml:")
                  .contains("spec.encryptedData[\".dockerconfigjson\"]: no key could decrypt")
                  .contains(scope)
                  .doesNotContain(
                      manifest
                          .encryptedData()
                          .get(".dockerconfigjson")
                          .ciphertext()
                          .substring(0, 12));
            });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "kind: Secret | 1: kind: expected a bitnami.com/v1alpha1 SealedSecret",
        "'kind: SealedSecret\nspec: {encryptedData: {}}' | spec.encryptedData: no sealed values",
        "'kind: [' | s.yaml:1: not valid YAML or JSON",
        "'kind: SealedSecret\nspec:\n  template:\n    data: {a: b}' | s.yaml:4: spec.template.data: templated",
      })
  void malformedManifestsAreOneClearLine(String text, String message) {
    assertThatThrownBy(() -> SealedSecretManifest.parse(text.replace("\\n", "\n"), "s.yaml"))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @CsvSource({"strict", "namespace-wide", "cluster-wide"})
  void pointsAtTheLineOfEachSealedValue(String scope) throws Exception {
    String sealed =
        Files.readString(TestKeys.resource("vectors/manifests/sealedsecret-" + scope + ".yaml"));
    int expected =
        List.of(sealed.split("\n", -1))
                .indexOf(
                    sealed
                        .lines()
                        .filter(l -> l.contains(".dockerconfigjson:"))
                        .findFirst()
                        .orElseThrow())
            + 1;
    assertThat(
            SealedSecretManifest.parse(sealed, "s.yaml")
                .encryptedData()
                .get(".dockerconfigjson")
                .location()
                .line())
        .isEqualTo(expected);
  }
}
