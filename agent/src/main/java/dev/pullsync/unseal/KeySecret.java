package dev.pullsync.unseal;

import java.util.Objects;

/**
 * The data of one sealed-secrets key Secret ({@code kubernetes.io/tls}, labelled {@code
 * sealedsecrets.bitnami.com/sealed-secrets-key}), already base64-decoded: {@code tlsKey} is the PEM
 * private key, {@code tlsCrt} the PEM certificate (may be empty). {@code origin} names the Secret
 * in messages, e.g. {@code secret kube-system/sealed-secrets-keyx7}. Loaders of any kind (files,
 * the cluster) hand these to {@link KeyRing#fromSecrets}.
 */
public record KeySecret(String origin, byte[] tlsKey, byte[] tlsCrt) {
  /** The label the controller puts on its key Secrets. */
  public static final String KEY_LABEL = "sealedsecrets.bitnami.com/sealed-secrets-key";

  /** The label value of keys in use; the controller ignores {@code compromised} ones. */
  public static final String ACTIVE = "active";

  public KeySecret {
    Objects.requireNonNull(origin, "origin");
    tlsKey = tlsKey.clone();
    tlsCrt = tlsCrt.clone();
  }

  @Override
  public byte[] tlsKey() {
    return tlsKey.clone();
  }

  @Override
  public byte[] tlsCrt() {
    return tlsCrt.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeySecret k
        && k.origin.equals(origin)
        && java.util.Arrays.equals(k.tlsKey, tlsKey)
        && java.util.Arrays.equals(k.tlsCrt, tlsCrt);
  }

  @Override
  public int hashCode() {
    return origin.hashCode();
  }

  /** The origin only, never key material. */
  @Override
  public String toString() {
    return "KeySecret[" + origin + "]";
  }
}
