package dev.pullsync.spec;

import java.util.Objects;

/**
 * One problem with the input, printed as {@code file:line: field.path: message}. The message never
 * contains a credential or a ciphertext excerpt.
 */
public record Problem(Location location, String field, String message) {
  public Problem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    String where = location.isCommandLine() ? "" : location + ": ";
    return field.isEmpty() ? where + message : where + field + ": " + message;
  }
}
