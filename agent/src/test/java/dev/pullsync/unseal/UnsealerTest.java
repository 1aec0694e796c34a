package dev.pullsync.unseal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullsync.spec.CredentialSource;
import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.Location;
import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.spec.SecretValue;
import dev.pullsync.spec.Spec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The unseal stage over a whole spec: scopes tried in order, all problems at once, the cache. */
class UnsealerTest {
  private static final String CANARY = "canary-Harbor12345-do-not-leak";
  private static final HybridCipher CIPHER = new HybridCipher(new SecureRandom());

  static PublicKey publicA() throws Exception {
    return HybridCipherTest.publicA();
  }

  static SecretValue.Sealed sealed(String plain, Scope scope, String ns, String name, int line)
      throws Exception {
    byte[] ct =
        CIPHER.seal(publicA(), plain.getBytes(StandardCharsets.UTF_8), scope.label(ns, name));
    return new SecretValue.Sealed(SealedText.encode(ct), new Location("registries.yaml", line));
  }

  static RegistrySpec registry(String name, CredentialSource source) {
    return new RegistrySpec(
        name, "192.168.58.12:30002", source, Optional.empty(), new Location("registries.yaml", 1));
  }

  @Test
  void opensInlineValuesInEveryAcceptedScope() throws Exception {
    Spec spec =
        new Spec(
            List.of(
                registry(
                    "harbor",
                    new CredentialSource.UsernamePassword(
                        new SecretValue.Plain("robot$puller", new Location("registries.yaml", 6)),
                        sealed(CANARY, Scope.NAMESPACE_WIDE, "pullsync", "harbor", 8),
                        Optional.of("admin@example.com"))),
                registry(
                    "quay",
                    new CredentialSource.UsernamePassword(
                        sealed("u2", Scope.CLUSTER_WIDE, "", "", 14),
                        sealed("p2", Scope.STRICT, "pullsync", "quay", 16),
                        Optional.empty())),
                registry(
                    "ghcr",
                    new CredentialSource.DockerConfigJson(
                        sealed("{\"auths\":{}}", Scope.STRICT, "pullsync", "ghcr", 22)))),
            List.of());
    Unsealed out = new Unsealer(TestKeys.ringA(), "pullsync").unseal(spec);
    Credential harbor = out.credentials().get("harbor");
    assertThat(harbor.keys()).containsExactly("email", "password", "username");
    assertThat(harbor.string("password")).isEqualTo(CANARY);
    assertThat(harbor.string("username")).isEqualTo("robot$puller");
    assertThat(out.credentials().get("quay").string("username")).isEqualTo("u2");
    assertThat(out.credentials().get("quay").string("password")).isEqualTo("p2");
    assertThat(out.credentials().get("ghcr").string(".dockerconfigjson"))
        .isEqualTo("{\"auths\":{}}");
    assertThat(out.toString()).doesNotContain(CANARY);
    assertThat(out.fingerprints().fingerprint(harbor)).doesNotContain(CANARY);
  }

  @Test
  void collectsEveryFailureOfTheRevisionWithoutLeaking() throws Exception {
    SecretValue.Sealed otherNamespace = sealed(CANARY, Scope.NAMESPACE_WIDE, "elsewhere", "", 8);
    SecretValue.Sealed strictForOtherName = sealed(CANARY, Scope.STRICT, "pullsync", "quay", 16);
    SecretValue.Sealed garbage = new SecretValue.Sealed("not base64!", new Location("b.yaml", 3));
    SecretValue.Sealed tooShort = new SecretValue.Sealed("AgA=", new Location("b.yaml", 4));
    Spec spec =
        new Spec(
            List.of(
                registry(
                    "harbor",
                    new CredentialSource.UsernamePassword(
                        strictForOtherName, otherNamespace, Optional.empty())),
                registry(
                    "quay",
                    new CredentialSource.UsernamePassword(garbage, tooShort, Optional.empty()))),
            List.of());
    assertThatThrownBy(() -> new Unsealer(TestKeys.ringA(), "pullsync").unseal(spec))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(Object::toString)
                  .containsExactly(
                      "registries.yaml:16: spec.username: no key could decrypt this value for"
                          + " scopes namespace-wide (pullsync), cluster-wide or strict"
                          + " (pullsync/harbor)",
                      "registries.yaml:8: spec.password: no key could decrypt this value for"
                          + " scopes namespace-wide (pullsync), cluster-wide or strict"
                          + " (pullsync/harbor)",
                      "b.yaml:3: spec.username: not valid base64 (standard alphabet with padding"
                          + " expected)",
                      "b.yaml:4: spec.password: too short to be a sealed-secrets ciphertext");
              assertThat(e.getMessage()).doesNotContain(CANARY);
              assertThat(e.getMessage())
                  .doesNotContain(otherNamespace.ciphertext().substring(0, 12));
            });
  }

  @Test
  void aSecondUnsealOfTheSameSpecDoesNoRsaWork() throws Exception {
    Spec spec =
        new Spec(
            List.of(
                registry(
                    "harbor",
                    new CredentialSource.UsernamePassword(
                        sealed("u", Scope.STRICT, "pullsync", "harbor", 6),
                        sealed(CANARY, Scope.CLUSTER_WIDE, "", "", 8),
                        Optional.empty()))),
            List.of());
    Unsealer unsealer = new Unsealer(TestKeys.ringA(), "pullsync");
    Unsealed first = unsealer.unseal(spec);
    long afterFirst = unsealer.rsaOperations();
    assertThat(afterFirst).isEqualTo(5); // strict: 3 scopes tried; cluster-wide: 2
    Unsealed second = unsealer.unseal(spec);
    assertThat(unsealer.rsaOperations()).isEqualTo(afterFirst);
    assertThat(second.credentials()).isEqualTo(first.credentials());
    assertThat(second.credentials().get("harbor").string("password")).isEqualTo(CANARY);
  }

  @Test
  void opensASealedSecretFileWithItsOwnScopeForEveryScope() throws Exception {
    for (String scope : List.of("strict", "namespace-wide", "cluster-wide")) {
      String text =
          Files.readString(TestKeys.resource("vectors/manifests/sealedsecret-" + scope + ".yaml"));
      CredentialSource source =
          SealedSecretManifest.parse(text, "sealed/harbor.yaml")
              .credentialSource("sealed/harbor.yaml");
      Spec spec = new Spec(List.of(registry("harbor", source)), List.of());
      // the vectors are sealed for user-example-com: an agent running there opens them
      Credential c =
          new Unsealer(TestKeys.ringA(), "user-example-com")
              .unseal(spec)
              .credentials()
              .get("harbor");
      assertThat(c.keys()).containsExactly(".dockerconfigjson");
      assertThat(c.string(".dockerconfigjson")).startsWith("{\"auths\":{\"192.168.58.12:30002\"");
    }
  }

  @Test
  void mapsUsernameAndPasswordKeysOfASealedSecretFile() throws Exception {
    Map<String, SecretValue.Sealed> data =
        Map.of(
            "username", sealed("robot", Scope.STRICT, "team-a", "harbor-basic", 10),
            "password", sealed(CANARY, Scope.STRICT, "team-a", "harbor-basic", 11),
            "unrelated", new SecretValue.Sealed("junk", new Location("s.yaml", 12)));
    CredentialSource source =
        new CredentialSource.SealedSecretFile(
            "s.yaml", "team-a", "harbor-basic", "strict", data, new Location("s.yaml", 1));
    Credential c =
        new Unsealer(TestKeys.ringA(), "team-a")
            .unseal(new Spec(List.of(registry("harbor", source)), List.of()))
            .credentials()
            .get("harbor");
    assertThat(c.keys()).containsExactly("password", "username");
    assertThat(c.string("password")).isEqualTo(CANARY);
  }

  @Test
  void aSealedSecretFileForAnotherNameFailsWithItsScope() throws Exception {
    Map<String, SecretValue.Sealed> data =
        Map.of(".dockerconfigjson", sealed(CANARY, Scope.STRICT, "team-a", "other", 10));
    CredentialSource source =
        new CredentialSource.SealedSecretFile(
            "s.yaml", "team-a", "harbor", "strict", data, new Location("s.yaml", 1));
    assertThatThrownBy(
            () ->
                new Unsealer(TestKeys.ringA(), "team-a")
                    .unseal(new Spec(List.of(registry("harbor", source)), List.of())))
        .hasMessage(
            "registries.yaml:10: spec.encryptedData[\".dockerconfigjson\"]: no key could decrypt this"
                + " value for scope strict (team-a/harbor)");
  }

  @Test
  void refusesAnEmptyRing() {
    assertThatThrownBy(() -> new Unsealer(KeyRing.of(List.of()), "pullsync"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--key");
  }
}
