package dev.pullsync.spec;

import java.util.Objects;

/** A credential field in the spec: either a plain value or a sealed-secrets ciphertext. */
public sealed interface SecretValue {
  /** Where the value is written in the spec. */
  Location location();

  /** A plain value (allowed for usernames only; passwords must be sealed). */
  record Plain(String value, Location location) implements SecretValue {
    public Plain {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(location, "location");
    }

    @Override
    public String toString() {
      return "Plain[" + location + "]";
    }
  }

  /**
   * A base64 sealed-secrets ciphertext, as {@code kubeseal --raw} or {@code pullsync seal} print
   * it.
   */
  record Sealed(String ciphertext, Location location) implements SecretValue {
    public Sealed {
      Objects.requireNonNull(ciphertext, "ciphertext");
      Objects.requireNonNull(location, "location");
    }

    @Override
    public String toString() {
      return "Sealed[" + location + "]";
    }
  }
}
