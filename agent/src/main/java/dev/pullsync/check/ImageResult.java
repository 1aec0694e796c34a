package dev.pullsync.check;

import java.util.Locale;
import java.util.Objects;

/**
 * What a registry said when asked, with one credential, for one image's manifest. {@code reason} is
 * in words (status codes, how it logged in), never a credential or token.
 */
public record ImageResult(String image, Status status, String reason) {
  public ImageResult {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * PULLABLE (200), NOT_FOUND (404), DENIED (401/403: holds a new credential back), UNREACHABLE (no
   * answer to judge), NOT_CHECKED (not asked: {@code pullsync plan} sends no credential to a server
   * it has not been sent to).
   */
  public enum Status {
    PULLABLE,
    NOT_FOUND,
    DENIED,
    UNREACHABLE,
    NOT_CHECKED;

    /**
     * {@code pullable}, {@code not-found}, {@code denied}, {@code unreachable}, {@code
     * not-checked}.
     */
    public String display() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** {@code <image>: <status> (<reason>)}. */
  public String describe() {
    return image + ": " + status.display() + " (" + reason + ")";
  }

  /**
   * For a denied image, the reason and what to do about it, naming {@code registry}: when the
   * registry accepted the login, the account lacks pull on the repository (in Harbor, membership of
   * its project); otherwise the credential itself may be wrong too. The reason alone for any other
   * verdict.
   */
  public String explain(String registry, boolean loginAccepted) {
    if (status != Status.DENIED) {
      return reason;
    }
    int colon = image.lastIndexOf(':');
    String repository = colon > 0 ? image.substring(0, colon) : image;
    int slash = repository.indexOf('/');
    String project =
        slash > 0
            ? " (in Harbor: membership of project " + repository.substring(0, slash) + ")"
            : "";
    String pull = "pull on repository " + repository + project;
    return reason
        + (loginAccepted
            ? "; the registry accepts this login, but its account lacks "
                + pull
                + ": grant it, or correct spec.verify on Registry "
                + registry
            : "; the registry refused this credential the image: check that its account has "
                + pull
                + " and that Registry "
                + registry
                + " holds the right username and password");
  }
}
