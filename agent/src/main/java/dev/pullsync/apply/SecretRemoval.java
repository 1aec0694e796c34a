package dev.pullsync.apply;

import dev.pullsync.desired.DesiredSecret;
import dev.pullsync.desired.Ownership;
import dev.pullsync.desired.Ref;
import dev.pullsync.live.ClusterView;
import dev.pullsync.plan.Action;
import dev.pullsync.plan.Change;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Deletes and replaces this instance's Secrets, each delete conditional on the uid and
 * resourceVersion of the copy read ({@link ConditionalDelete}): a Secret changed or recreated since
 * is never deleted, and the outcome is a conflict the next reconcile decides again.
 */
final class SecretRemoval {
  private final KubernetesClient client;
  private final ClusterView view;
  private final Throttle throttle;

  SecretRemoval(KubernetesClient client, ClusterView view, Throttle throttle) {
    this.client = client;
    this.view = view;
    this.throttle = throttle;
  }

  /**
   * Deletes our Secret only if it is still the one our cache (or a fresh read) holds: uid and
   * resourceVersion preconditions. A 409 means someone changed or recreated it since: a conflict,
   * decided again by the next reconcile.
   */
  Outcome delete(Change change, Written written) {
    Secret fresh = view.cachedSecret(change.ref()).orElseGet(() -> read(change.ref()));
    if (fresh == null) {
      return new Outcome(change, Outcome.Status.APPLIED, "already gone: " + change.reason());
    }
    if (SecretWriter.ownerOf(fresh, view.instance()) != Ownership.Owner.OURS) {
      throw new SecretWriter.Refusal("no longer owned by this pullsync instance; not deleted");
    }
    throttle.acquire();
    ConditionalDelete.Result result =
        ConditionalDelete.secret(client, change.ref(), ConditionalDelete.Preconditions.of(fresh));
    if (result == ConditionalDelete.Result.CHANGED_SINCE_READ) {
      return changedSinceRead(change);
    }
    written.secretDeleted(change.ref());
    return SecretWriter.applied(change);
  }

  /**
   * Replaces our Secret the API will not update (type changed, or immutable): a conditional delete
   * of the cached copy, then a create.
   */
  Outcome replace(Change change, DesiredSecret want, Written written) {
    Secret base = view.cachedSecret(change.ref()).orElseGet(() -> read(change.ref()));
    if (base != null) {
      Ownership.Owner owner = SecretWriter.ownerOf(base, view.instance());
      if (owner != Ownership.Owner.OURS && owner != Ownership.Owner.LEGACY) {
        throw new SecretWriter.Refusal("no longer owned by this pullsync instance; not replaced");
      }
      throttle.acquire();
      ConditionalDelete.Result result =
          ConditionalDelete.secret(client, change.ref(), ConditionalDelete.Preconditions.of(base));
      if (result == ConditionalDelete.Result.CHANGED_SINCE_READ) {
        return changedSinceRead(change);
      }
    }
    throttle.acquire();
    written.secret(
        want.ref(),
        client
            .secrets()
            .inNamespace(want.ref().namespace())
            .resource(SecretWriter.fresh(want))
            .create());
    return SecretWriter.applied(change);
  }

  private static Outcome changedSinceRead(Change change) {
    String reason =
        "not "
            + (change.action() == Action.DELETE ? "deleted" : "replaced")
            + ": the Secret changed or was recreated since it was read (409 on the uid and"
            + " resourceVersion preconditions); the next reconcile decides again";
    return new Outcome(
        SecretWriter.as(change, Action.CONFLICT, change.drift().orElse(null), reason),
        Outcome.Status.SKIPPED,
        reason);
  }

  private Secret read(Ref ref) {
    throttle.acquire();
    return client.secrets().inNamespace(ref.namespace()).withName(ref.name()).get();
  }
}
