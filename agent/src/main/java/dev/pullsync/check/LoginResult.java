package dev.pullsync.check;

import java.util.Locale;
import java.util.Objects;

/**
 * What a registry said to one login. {@code reason} is in words (status codes, challenge kinds,
 * exception class names), never a credential, token or response body.
 */
public record LoginResult(Status status, String reason) {
  public LoginResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
  }

  /** OK: the login worked; REJECTED: the registry said no; UNREACHABLE: no answer, not checked. */
  public enum Status {
    OK,
    REJECTED,
    UNREACHABLE;

    public String display() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static LoginResult ok(String reason) {
    return new LoginResult(Status.OK, reason);
  }

  static LoginResult rejected(String reason) {
    return new LoginResult(Status.REJECTED, reason);
  }

  static LoginResult unreachable(String reason) {
    return new LoginResult(Status.UNREACHABLE, reason);
  }
}
