package dev.pullsync.desired;

import dev.pullsync.spec.Mode;
import java.util.Objects;

/**
 * One ServiceAccount that should list {@code secretName} in its {@code imagePullSecrets}. {@code
 * present} is false when the spec names the ServiceAccount exactly and it does not exist (yet):
 * such a link is pending, never created.
 */
public record DesiredLink(
    Ref serviceAccount, String secretName, String pullSecret, Mode mode, boolean present) {
  public DesiredLink {
    Objects.requireNonNull(serviceAccount, "serviceAccount");
    Objects.requireNonNull(secretName, "secretName");
    Objects.requireNonNull(pullSecret, "pullSecret");
    Objects.requireNonNull(mode, "mode");
  }
}
