package dev.pullsync.spec;

import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes type of the Secret a PullSecret writes. Only {@link #DOCKER_CONFIG_JSON} is an
 * image pull secret (kubelet reads only dockerconfigjson and dockercfg Secrets); the other two are
 * for services that log in to the registry themselves, and carry one registry's credential.
 */
public enum SecretType {
  DOCKER_CONFIG_JSON("kubernetes.io/dockerconfigjson"),
  BASIC_AUTH("kubernetes.io/basic-auth"),
  OPAQUE("Opaque");

  private final String kubernetes;

  SecretType(String kubernetes) {
    this.kubernetes = kubernetes;
  }

  /** The Secret's {@code type} as Kubernetes spells it (and the spec's {@code spec.type}). */
  public String kubernetes() {
    return kubernetes;
  }

  /** True for the one type kubelet uses to pull images, which ServiceAccounts may link. */
  public boolean pullsImages() {
    return this == DOCKER_CONFIG_JSON;
  }

  /**
   * The Secret keys and the fields they hold, fixed for the two Kubernetes-defined types; for
   * Opaque the PullSecret's own {@code keys} map.
   */
  public Map<String, SecretField> keys(Map<String, SecretField> opaqueKeys) {
    return switch (this) {
      case DOCKER_CONFIG_JSON -> Map.of(".dockerconfigjson", SecretField.DOCKER_CONFIG_JSON);
      case BASIC_AUTH -> Map.of("username", SecretField.USERNAME, "password", SecretField.PASSWORD);
      case OPAQUE -> opaqueKeys;
    };
  }

  /** The type named {@code text} in a spec, if any. */
  public static Optional<SecretType> parse(String text) {
    for (SecretType t : values()) {
      if (t.kubernetes.equals(text)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
