package dev.pullsync.live;

import dev.pullsync.unseal.KeyRing;
import dev.pullsync.unseal.KeySecret;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code --keys-from-cluster}: the sealed-secrets controller's own private keys, read from the
 * Secrets labelled {@code sealedsecrets.bitnami.com/sealed-secrets-key=active} in its namespace
 * (default {@code kube-system}), exactly the keys the controller itself uses ({@code compromised}
 * ones are left out). Needs {@code list} on Secrets in that namespace and nothing else.
 */
public final class ClusterKeySource {
  /** The controller's default namespace. */
  public static final String DEFAULT_NAMESPACE = "kube-system";

  private final KubernetesClient client;
  private final String namespace;

  public ClusterKeySource(KubernetesClient client, String namespace) {
    this.client = Objects.requireNonNull(client, "client");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
  }

  /**
   * The keys now in the cluster, newest first; empty when there are none (the caller decides
   * whether other key sources make up for it). API errors propagate as fabric8 exceptions
   * (retryable); a key Secret whose data is unusable is an {@link
   * dev.pullsync.spec.InvalidSpecException} naming it.
   */
  public KeyRing load() {
    List<KeySecret> secrets = new ArrayList<>();
    for (Secret s :
        client
            .secrets()
            .inNamespace(namespace)
            .withLabel(KeySecret.KEY_LABEL, KeySecret.ACTIVE)
            .list()
            .getItems()) {
      Map<String, String> data = s.getData() == null ? Map.of() : s.getData();
      secrets.add(
          new KeySecret(
              "secret " + namespace + "/" + s.getMetadata().getName(),
              decode(data.get("tls.key")),
              decode(data.get("tls.crt"))));
    }
    return KeyRing.fromSecrets(secrets);
  }

  private static byte[] decode(String base64) {
    if (base64 == null) {
      return new byte[0];
    }
    try {
      return Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  @Override
  public String toString() {
    return "ClusterKeySource[" + namespace + "]";
  }
}
