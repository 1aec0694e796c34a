package dev.pullsync.check;

import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.unseal.Credential;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * "Test image pull" without a pod: {@code HEAD /v2/<repository>/manifests/<tag>} with the OCI and
 * Docker manifest media types in {@code Accept}, through the same Basic/Bearer challenge as the
 * login ({@link RegistryLogin#exchange}), asking a Bearer realm for {@code
 * repository:<repository>:pull}.
 */
public final class ManifestCheck {
  static final List<String> ACCEPT =
      List.of(
          "application/vnd.oci.image.index.v1+json",
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.docker.distribution.manifest.v2+json");

  private final RegistryLogin http;

  public ManifestCheck(RegistryLogin http) {
    this.http = http;
  }

  /**
   * Whether {@code credential} can pull {@code image} ({@code repository:tag}) from the registry.
   */
  public ImageResult check(RegistrySpec registry, Credential credential, String image) {
    int colon = image.lastIndexOf(':');
    if (colon <= 0 || image.indexOf('/', colon) >= 0) {
      return new ImageResult(image, ImageResult.Status.UNREACHABLE, "not repository:tag");
    }
    String repository = image.substring(0, colon);
    String tag = image.substring(colon + 1);
    Optional<Login> login = Login.of(registry.server(), credential);
    if (login.isEmpty()) {
      return new ImageResult(
          image, ImageResult.Status.UNREACHABLE, "the credential holds no login for it");
    }
    URI v2 = http.v2(registry.server(), registry.insecure());
    URI manifest = v2.resolve(repository + "/manifests/" + tag);
    RegistryLogin.Answer answer =
        http.exchange(
            manifest,
            "HEAD",
            ACCEPT,
            login.get(),
            RegistryLogin.Trust.of(registry),
            Optional.of("repository:" + repository + ":pull"));
    if (answer instanceof RegistryLogin.Answer.NotChecked n) {
      return new ImageResult(image, ImageResult.Status.UNREACHABLE, n.reason());
    }
    if (answer instanceof RegistryLogin.Answer.Untrusted u) {
      return new ImageResult(image, ImageResult.Status.UNREACHABLE, u.reason());
    }
    if (answer instanceof RegistryLogin.Answer.PlainHttp p) {
      return new ImageResult(image, ImageResult.Status.UNREACHABLE, p.reason());
    }
    if (answer instanceof RegistryLogin.Answer.SpeaksTls t) {
      return new ImageResult(image, ImageResult.Status.UNREACHABLE, t.reason());
    }
    if (answer instanceof RegistryLogin.Answer.TokenRefused t) {
      return new ImageResult(image, ImageResult.Status.DENIED, t.reason());
    }
    RegistryLogin.Answer.Answered a = (RegistryLogin.Answer.Answered) answer;
    String how = a.how() + ", " + a.status();
    return switch (a.status()) {
      case 200 -> new ImageResult(image, ImageResult.Status.PULLABLE, how);
      case 404 -> new ImageResult(image, ImageResult.Status.NOT_FOUND, how);
      case 401, 403 -> new ImageResult(image, ImageResult.Status.DENIED, how);
      default ->
          new ImageResult(image, ImageResult.Status.UNREACHABLE, "manifest answered " + a.status());
    };
  }
}
