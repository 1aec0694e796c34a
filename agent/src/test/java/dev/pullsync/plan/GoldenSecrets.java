package dev.pullsync.plan;

import dev.pullsync.desired.Desired;
import dev.pullsync.desired.DesiredSecret;
import dev.pullsync.desired.Ownership;
import dev.pullsync.desired.Ref;
import dev.pullsync.live.LiveSecret;
import dev.pullsync.unseal.Credential;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a live Secret from a {@code live.yaml} entry: {@code managed} (our labels), {@code
 * pullSecret}, {@code data: desired} (same bytes as desired) or {@code auths} (rendered like
 * kubectl), {@code fingerprint: desired|stale}, {@code extraKeys}, {@code type}, {@code labels}.
 */
final class GoldenSecrets {
  private GoldenSecrets() {}

  @SuppressWarnings("unchecked")
  static LiveSecret secret(Map<String, Object> s, Desired desired) {
    Ref ref = new Ref((String) s.get("namespace"), (String) s.get("name"));
    DesiredSecret want =
        desired.secrets().stream().filter(d -> d.ref().equals(ref)).findFirst().orElse(null);
    boolean managed = (Boolean) s.getOrDefault("managed", true);
    Map<String, String> labels =
        new HashMap<>((Map<String, String>) s.getOrDefault("labels", Map.of()));
    if (managed) {
      labels.putIfAbsent(Ownership.MANAGED_BY_LABEL, Ownership.MANAGED_BY_VALUE);
      labels.putIfAbsent(Ownership.INSTANCE_LABEL, GoldenCase.INSTANCE.name());
      labels.putIfAbsent(
          Ownership.PULL_SECRET_LABEL, (String) s.getOrDefault("pullSecret", ref.name()));
    }
    Map<String, byte[]> data = new HashMap<>();
    if ("desired".equals(s.get("data")) && want != null) {
      data.put(Ownership.DOCKER_CONFIG_KEY, want.data().bytes(Ownership.DOCKER_CONFIG_KEY));
    } else if (s.containsKey("auths")) {
      data.put(
          Ownership.DOCKER_CONFIG_KEY,
          GoldenCase.render((Map<String, Map<String, String>>) s.get("auths")));
    }
    for (String extra : (List<String>) s.getOrDefault("extraKeys", List.of())) {
      data.put(extra, "x".getBytes(StandardCharsets.UTF_8));
    }
    Map<String, String> annotations = new HashMap<>();
    Object fp = s.getOrDefault("fingerprint", "desired");
    if ("desired".equals(fp) && want != null) {
      annotations.put(Ownership.FINGERPRINT, want.annotations().get(Ownership.FINGERPRINT));
    } else if ("stale".equals(fp)) {
      annotations.put(Ownership.FINGERPRINT, "hmac-sha256:stale");
    }
    annotations.put(Ownership.SOURCE_REVISION, "main@sha1:older");
    return new LiveSecret(
        ref,
        (String) s.getOrDefault("type", Ownership.SECRET_TYPE),
        Credential.of(data),
        labels,
        annotations,
        "7",
        managed,
        "uid-" + ref,
        false);
  }
}
