package dev.pullsync.live;

import dev.pullsync.unseal.KeySecret;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads the sealed-secrets controller's key Secrets ({@code kubernetes.io/tls}, labelled {@code
 * sealedsecrets.bitnami.com/sealed-secrets-key=active}) in every namespace, for {@code
 * --keys-from-cluster}. Only key material leaves here, inside {@link KeySecret}s.
 */
public final class ClusterKeys {
  private final KubernetesClient client;

  public ClusterKeys(KubernetesClient client) {
    this.client = client;
  }

  /**
   * @throws ClusterUnavailableException when the Secrets cannot be listed
   */
  public List<KeySecret> read() {
    List<Secret> secrets;
    try {
      secrets =
          client
              .secrets()
              .inAnyNamespace()
              .withLabel(KeySecret.KEY_LABEL, KeySecret.ACTIVE)
              .list()
              .getItems();
    } catch (RuntimeException e) {
      throw new ClusterUnavailableException(
          "cannot list sealed-secrets key Secrets: " + e.getClass().getSimpleName());
    }
    return secrets.stream()
        .sorted(
            Comparator.comparing(
                s -> s.getMetadata().getNamespace() + "/" + s.getMetadata().getName()))
        .map(ClusterKeys::keySecret)
        .toList();
  }

  private static KeySecret keySecret(Secret s) {
    Map<String, String> data = s.getData() == null ? Map.of() : s.getData();
    return new KeySecret(
        "secret " + s.getMetadata().getNamespace() + "/" + s.getMetadata().getName(),
        decode(data.get("tls.key")),
        decode(data.get("tls.crt")));
  }

  private static byte[] decode(String value) {
    try {
      return value == null ? new byte[0] : Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }
}
