package dev.pullsync.schedule;

import dev.pullsync.live.ClusterView;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Objects;

/**
 * The Namespace and ServiceAccount informers the event handlers listen on: either the live view's
 * own (shared, not stopped here) or a pair started for the agent when no view exposes them.
 */
public record ClusterInformers(
    SharedIndexInformer<Namespace> namespaces,
    SharedIndexInformer<ServiceAccount> serviceAccounts,
    boolean owned) {
  public ClusterInformers {
    Objects.requireNonNull(namespaces, "namespaces");
    Objects.requireNonNull(serviceAccounts, "serviceAccounts");
  }

  /** Informers someone else runs (and stops). */
  public static ClusterInformers shared(
      SharedIndexInformer<Namespace> namespaces,
      SharedIndexInformer<ServiceAccount> serviceAccounts) {
    return new ClusterInformers(namespaces, serviceAccounts, false);
  }

  /** The live view's informers: shared with the reconcile, stopped when the view closes. */
  public static ClusterInformers of(ClusterView view) {
    return shared(view.namespaceInformer(), view.serviceAccountInformer());
  }

  /** Starts a cluster-wide pair owned by the agent. */
  public static ClusterInformers start(KubernetesClient client) {
    return new ClusterInformers(
        client.namespaces().inform(), client.serviceAccounts().inAnyNamespace().inform(), true);
  }

  public boolean synced() {
    return namespaces.hasSynced() && serviceAccounts.hasSynced();
  }

  /** Stops the informers if the agent started them. */
  public void stopIfOwned() {
    if (owned) {
      namespaces.stop();
      serviceAccounts.stop();
    }
  }
}
