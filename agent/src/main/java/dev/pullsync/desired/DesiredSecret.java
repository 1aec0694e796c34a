package dev.pullsync.desired;

import dev.pullsync.spec.Adopt;
import dev.pullsync.spec.Mode;
import dev.pullsync.unseal.Credential;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Secret the spec asks for in one namespace: type {@code kubernetes.io/dockerconfigjson}, its
 * {@code data} (a {@link Credential} holding {@code .dockerconfigjson}), and our labels and
 * annotations. {@code servers} names the registries it carries (not secret).
 */
public record DesiredSecret(
    Ref ref,
    String pullSecret,
    Credential data,
    List<String> servers,
    Map<String, String> labels,
    Map<String, String> annotations,
    Mode mode,
    Adopt adopt) {
  public DesiredSecret {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(pullSecret, "pullSecret");
    Objects.requireNonNull(data, "data");
    servers = List.copyOf(servers);
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(adopt, "adopt");
  }
}
