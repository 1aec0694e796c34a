package dev.pullsync.desired;

import dev.pullsync.spec.Adopt;
import dev.pullsync.spec.Mode;
import dev.pullsync.unseal.Credential;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Secret the spec asks for in one namespace: its Kubernetes {@code type} ({@code
 * kubernetes.io/dockerconfigjson} unless the PullSecret says otherwise), its {@code data} (a {@link
 * Credential} holding {@code .dockerconfigjson}, or the keys of a basic-auth or Opaque Secret), and
 * our labels and annotations. {@code servers} names the registries it carries (not secret).
 */
public record DesiredSecret(
    Ref ref,
    String pullSecret,
    Credential data,
    List<String> servers,
    Map<String, String> labels,
    Map<String, String> annotations,
    Mode mode,
    Adopt adopt,
    String type) {
  public DesiredSecret {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(pullSecret, "pullSecret");
    Objects.requireNonNull(data, "data");
    servers = List.copyOf(servers);
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(adopt, "adopt");
    Objects.requireNonNull(type, "type");
  }

  /** A {@code kubernetes.io/dockerconfigjson} Secret. */
  public DesiredSecret(
      Ref ref,
      String pullSecret,
      Credential data,
      List<String> servers,
      Map<String, String> labels,
      Map<String, String> annotations,
      Mode mode,
      Adopt adopt) {
    this(ref, pullSecret, data, servers, labels, annotations, mode, adopt, Ownership.SECRET_TYPE);
  }

  /** True for an image pull secret, whose data is one {@code .dockerconfigjson}. */
  public boolean isDockerConfig() {
    return Ownership.SECRET_TYPE.equals(type);
  }
}
