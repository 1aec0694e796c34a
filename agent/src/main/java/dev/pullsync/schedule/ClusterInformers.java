package dev.pullsync.schedule;

import dev.pullsync.live.ClusterView;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Objects;
import java.util.Optional;

/**
 * The informers the event handlers listen on: either the live view's own (shared, not stopped here;
 * including its informer over the Secrets pullsync manages) or a Namespace and ServiceAccount pair
 * started for the agent when no view exposes them.
 */
public record ClusterInformers(
    SharedIndexInformer<Namespace> namespaces,
    SharedIndexInformer<ServiceAccount> serviceAccounts,
    Optional<SharedIndexInformer<Secret>> managedSecrets,
    boolean owned) {
  public ClusterInformers {
    Objects.requireNonNull(namespaces, "namespaces");
    Objects.requireNonNull(serviceAccounts, "serviceAccounts");
    Objects.requireNonNull(managedSecrets, "managedSecrets");
  }

  /** Informers someone else runs (and stops). */
  public static ClusterInformers shared(
      SharedIndexInformer<Namespace> namespaces,
      SharedIndexInformer<ServiceAccount> serviceAccounts) {
    return new ClusterInformers(namespaces, serviceAccounts, Optional.empty(), false);
  }

  /** The live view's informers: shared with the reconcile, stopped when the view closes. */
  public static ClusterInformers of(ClusterView view) {
    return new ClusterInformers(
        view.namespaceInformer(),
        view.serviceAccountInformer(),
        Optional.of(view.managedSecretInformer()),
        false);
  }

  /** Starts a cluster-wide pair owned by the agent. */
  public static ClusterInformers start(KubernetesClient client) {
    return new ClusterInformers(
        client.namespaces().inform(),
        client.serviceAccounts().inAnyNamespace().inform(),
        Optional.empty(),
        true);
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
