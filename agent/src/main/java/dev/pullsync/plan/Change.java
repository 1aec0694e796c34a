package dev.pullsync.plan;

import dev.pullsync.desired.DesiredSecret;
import dev.pullsync.desired.Ref;
import java.util.Objects;
import java.util.Optional;

/**
 * One planned change to one object. Redacted by construction: {@code reason} names keys,
 * registries, labels or annotations that differ, never a value; the credential travels only inside
 * {@code secret} (for create, update and adopt), whose data never prints.
 *
 * @param ref the Secret, the ServiceAccount (link/unlink/pending) or the namespace (notices)
 * @param entry for ServiceAccount changes, the imagePullSecrets entry; otherwise the Secret's name
 */
public record Change(
    Action action,
    Kind kind,
    Ref ref,
    String pullSecret,
    String entry,
    Optional<Drift> drift,
    Execution execution,
    String reason,
    Optional<DesiredSecret> secret) {
  public Change {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(pullSecret, "pullSecret");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(drift, "drift");
    Objects.requireNonNull(execution, "execution");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(secret, "secret");
  }

  /** True when the applier is to write this change. */
  public boolean toApply() {
    return action.writes() && execution == Execution.APPLY;
  }

  Change with(Execution newExecution, String newReason) {
    return new Change(action, kind, ref, pullSecret, entry, drift, newExecution, newReason, secret);
  }
}
