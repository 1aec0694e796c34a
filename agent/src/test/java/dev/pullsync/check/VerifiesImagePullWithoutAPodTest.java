package dev.pullsync.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.demo.LocalRegistry;
import dev.pullsync.demo.LocalRegistry.Challenge;
import dev.pullsync.spec.CredentialSource;
import dev.pullsync.spec.Location;
import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.spec.SecretValue;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code HEAD /v2/<repository>/manifests/<tag>} through the login's challenge, against the
 * in-process registry with Basic and Bearer challenges: pullable, not found, denied (wrong
 * password, or a token that grants pull on another repository only), unreachable; the OCI and
 * Docker manifest types are in Accept; no verdict holds the password.
 */
class VerifiesImagePullWithoutAPodTest {
  static final String CANARY = LogsInToRegistryTest.CANARY;
  static final String IMAGE = "kubeflow-iris/iris-download:v1.0";
  final ManifestCheck check = new ManifestCheck(new RegistryLogin());

  static RegistrySpec registry(String server) {
    Location at = new Location("registries.yaml", 1);
    return new RegistrySpec(
        "harbor",
        server,
        new CredentialSource.UsernamePassword(
            new SecretValue.Plain("robot", at),
            new SecretValue.Sealed("AgB", at),
            Optional.empty()),
        Optional.empty(),
        true,
        at,
        List.of(IMAGE));
  }

  private ImageResult verify(LocalRegistry r, String password, String image) {
    return check.check(
        registry(r.address()), LogsInToRegistryTest.userPass("robot", password), image);
  }

  @ParameterizedTest
  @EnumSource(
      value = Challenge.class,
      names = {"BASIC", "BEARER"})
  void pullableNotFoundAndDenied(Challenge challenge) {
    try (LocalRegistry r = new LocalRegistry(challenge, "robot", CANARY).serve(IMAGE)) {
      ImageResult pullable = verify(r, CANARY, IMAGE);
      assertThat(pullable.status()).isEqualTo(ImageResult.Status.PULLABLE);
      assertThat(pullable.reason()).contains("200");
      assertThat(r.lastAccept())
          .contains("application/vnd.oci.image.manifest.v1+json")
          .contains("application/vnd.oci.image.index.v1+json")
          .contains("application/vnd.docker.distribution.manifest.v2+json")
          .contains("application/vnd.docker.distribution.manifest.list.v2+json");

      assertThat(verify(r, CANARY, "kubeflow-iris/iris-download:v9").status())
          .isEqualTo(ImageResult.Status.NOT_FOUND);
      ImageResult denied = verify(r, "wrong-" + CANARY, IMAGE);
      assertThat(denied.status()).isEqualTo(ImageResult.Status.DENIED);
      assertThat(denied.reason()).contains("401");
      for (ImageResult result : List.of(pullable, denied)) {
        assertThat(result.describe()).doesNotContain(CANARY);
      }
    }
  }

  @org.junit.jupiter.api.Test
  void aTokenForOneRepositoryIsDeniedAnother() {
    try (LocalRegistry r =
        new LocalRegistry(Challenge.BEARER, "robot", CANARY)
            .serve(IMAGE)
            .serve("other-team/model:v2")
            .grantPullOnly("kubeflow-iris/iris-download")) {
      assertThat(verify(r, CANARY, IMAGE).status()).isEqualTo(ImageResult.Status.PULLABLE);
      ImageResult other = verify(r, CANARY, "other-team/model:v2");
      assertThat(other.status()).isEqualTo(ImageResult.Status.DENIED);
      assertThat(other.reason()).isEqualTo("bearer token, 401");
    }
  }

  @org.junit.jupiter.api.Test
  void aClosedPortIsUnreachable() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ImageResult result =
        check.check(
            registry("127.0.0.1:" + port), LogsInToRegistryTest.userPass("robot", CANARY), IMAGE);
    assertThat(result.status()).isEqualTo(ImageResult.Status.UNREACHABLE);
  }
}
