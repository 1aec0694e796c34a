package dev.pullsync.check;

import java.util.Objects;

/**
 * What a registry said to one login. {@code reason} is in words (status codes, challenge kinds,
 * failures such as "connection refused"), never a credential, token or response body.
 */
public record LoginResult(Status status, String reason) {
  public LoginResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * The verdicts. Only {@link #UNREACHABLE} and {@link #NOT_CHECKED} let a credential roll out
   * unchecked; the others hold it back.
   */
  public enum Status {
    /** The registry took the credential (or needs none). */
    ACCEPTED("accepted"),
    /** 401/403: the registry said no to this credential. */
    REJECTED("rejected"),
    /** The registry's TLS certificate is not trusted (unknown CA, wrong name, expired). */
    UNTRUSTED("untrusted"),
    /** The registry speaks plain HTTP (or sends its token realm over it), not marked insecure. */
    PLAIN_HTTP("http-not-insecure"),
    /** The Registry is marked insecure but its port speaks TLS: plain HTTP is not needed. */
    TLS_MARKED_INSECURE("tls-marked-insecure"),
    /** No answer: connection refused, timeout, DNS, or an answer the check cannot judge. */
    UNREACHABLE("unreachable"),
    /** Not asked: the plan does not send a credential to a server it has not been sent to. */
    NOT_CHECKED("not-checked");

    private final String display;

    Status(String display) {
      this.display = display;
    }

    public String display() {
      return display;
    }

    /** Whether this verdict keeps the new credential back (the previous data stays). */
    public boolean holdsBack() {
      return this == REJECTED
          || this == UNTRUSTED
          || this == PLAIN_HTTP
          || this == TLS_MARKED_INSECURE;
    }
  }

  /**
   * For a verdict that holds the credential back, what to set, naming {@code registry}; the reason
   * alone otherwise.
   */
  public String explain(String registry) {
    String fix =
        switch (status) {
          case REJECTED ->
              "; the registry rejected this credential: re-seal the right username and password"
                  + " (or token) in Registry "
                  + registry;
          case UNTRUSTED ->
              "; the registry's certificate is not trusted: set spec.caBundle on Registry "
                  + registry
                  + " to the CA that signed it (PEM, or a file in the repository)";
          case PLAIN_HTTP ->
              "; the registry speaks plain HTTP: set spec.insecure: true on Registry "
                  + registry
                  + " if it really has no TLS (the credential then travels in clear)";
          case TLS_MARKED_INSECURE ->
              "; the registry speaks TLS: remove spec.insecure from Registry "
                  + registry
                  + " (and set spec.caBundle if a private CA signed its certificate)";
          default -> "";
        };
    return reason + fix;
  }

  static LoginResult accepted(String reason) {
    return new LoginResult(Status.ACCEPTED, reason);
  }

  static LoginResult rejected(String reason) {
    return new LoginResult(Status.REJECTED, reason);
  }

  static LoginResult untrusted(String reason) {
    return new LoginResult(Status.UNTRUSTED, reason);
  }

  static LoginResult plainHttp(String reason) {
    return new LoginResult(Status.PLAIN_HTTP, reason);
  }

  static LoginResult tlsMarkedInsecure(String reason) {
    return new LoginResult(Status.TLS_MARKED_INSECURE, reason);
  }

  static LoginResult unreachable(String reason) {
    return new LoginResult(Status.UNREACHABLE, reason);
  }

  /** Not asked, for {@code reason}. */
  public static LoginResult notChecked(String reason) {
    return new LoginResult(Status.NOT_CHECKED, reason);
  }
}
