package dev.pullsync.spec;

import java.util.Optional;

/**
 * What an {@code Opaque} PullSecret's {@code keys} may put under a Secret key: one field of the
 * registry's credential. A fixed set, no templating.
 */
public enum SecretField {
  SERVER("server"),
  USERNAME("username"),
  PASSWORD("password"),
  EMAIL("email"),
  /** base64 of {@code username:password}, as in a docker config's {@code auth}. */
  AUTH("auth"),
  /** The whole {@code .dockerconfigjson} for the registry, as a pull Secret would carry it. */
  DOCKER_CONFIG_JSON(".dockerconfigjson");

  private final String yaml;

  SecretField(String yaml) {
    this.yaml = yaml;
  }

  /** The field's name in a spec. */
  public String yaml() {
    return yaml;
  }

  /** The field named {@code text} in a spec, if any. */
  public static Optional<SecretField> parse(String text) {
    for (SecretField f : values()) {
      if (f.yaml.equals(text)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
