package dev.pullsync.live;

import dev.pullsync.desired.Desired;
import dev.pullsync.desired.DesiredLink;
import dev.pullsync.desired.DesiredSecret;
import dev.pullsync.desired.Inventory;
import dev.pullsync.desired.Ownership;
import dev.pullsync.desired.Ref;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The cluster as pullsync sees it, read through three informers started once: every Namespace, the
 * Secrets labelled {@code app.kubernetes.io/managed-by=pullsync} (by label selector, so the cache
 * holds only ours) and the ServiceAccounts. Everything handed out is a copy; cache objects are
 * never mutated. The only requests it sends after start are one GET per desired Secret that is not
 * in our cache (to find a foreign Secret of that name), so a converged cluster costs none.
 */
public final class ClusterView implements AutoCloseable {
  private final KubernetesClient client;
  private final Duration syncTimeout;
  private SharedIndexInformer<Namespace> namespaces;
  private SharedIndexInformer<Secret> secrets;
  private SharedIndexInformer<ServiceAccount> serviceAccounts;

  public ClusterView(KubernetesClient client, Duration syncTimeout) {
    this.client = client;
    this.syncTimeout = syncTimeout;
  }

  /**
   * Starts the informers (once) and waits for their first list.
   *
   * @throws ClusterUnavailableException when they do not sync within the timeout
   */
  public synchronized ClusterView start() {
    if (namespaces != null) {
      return this;
    }
    namespaces = client.namespaces().runnableInformer(0);
    secrets =
        client
            .secrets()
            .inAnyNamespace()
            .withLabel(Ownership.MANAGED_BY_LABEL, Ownership.MANAGED_BY_VALUE)
            .runnableInformer(0);
    serviceAccounts = client.serviceAccounts().inAnyNamespace().runnableInformer(0);
    await("Namespaces", namespaces);
    await("Secrets", secrets);
    await("ServiceAccounts", serviceAccounts);
    return this;
  }

  /** The running Namespace informer, for event handlers (do not stop it; close the view). */
  public SharedIndexInformer<Namespace> namespaceInformer() {
    start();
    return namespaces;
  }

  /** The running ServiceAccount informer, for event handlers. */
  public SharedIndexInformer<ServiceAccount> serviceAccountInformer() {
    start();
    return serviceAccounts;
  }

  /** The running informer over our managed Secrets, for event handlers (drift repair). */
  public SharedIndexInformer<Secret> managedSecretInformer() {
    start();
    return secrets;
  }

  /** The namespaces and ServiceAccount names the renderer selects from. */
  public Inventory inventory() {
    start();
    List<Inventory.Namespace> ns =
        namespaces.getStore().list().stream().map(Copies::namespace).toList();
    Map<String, Set<String>> sas = new TreeMap<>();
    for (ServiceAccount sa : serviceAccounts.getStore().list()) {
      sas.computeIfAbsent(sa.getMetadata().getNamespace(), k -> new TreeSet<>())
          .add(sa.getMetadata().getName());
    }
    return new Inventory(ns, sas);
  }

  /** Copies of what {@code desired} is to be compared with. */
  public Live snapshot(Desired desired) {
    start();
    Map<Ref, LiveSecret> live = new HashMap<>();
    List<Secret> managed = secrets.getStore().list();
    for (Secret s : managed) {
      if (desired.covers(s.getMetadata().getNamespace())) {
        LiveSecret copy = Copies.secret(s);
        live.put(copy.ref(), copy);
      }
    }
    for (DesiredSecret want : desired.secrets()) {
      if (!live.containsKey(want.ref())) {
        lookUp(want.ref()).ifPresent(found -> live.put(found.ref(), found));
      }
    }
    return new Live(live, serviceAccountsFor(desired), managed.size());
  }

  private Map<Ref, LiveServiceAccount> serviceAccountsFor(Desired desired) {
    Set<Ref> wanted =
        desired.links().stream().map(DesiredLink::serviceAccount).collect(Collectors.toSet());
    Map<Ref, LiveServiceAccount> out = new HashMap<>();
    for (ServiceAccount sa : serviceAccounts.getStore().list()) {
      Ref ref = Copies.ref(sa.getMetadata());
      Map<String, String> annotations = sa.getMetadata().getAnnotations();
      boolean ours = annotations != null && annotations.containsKey(Ownership.OWNED_PULL_SECRETS);
      if (wanted.contains(ref) || (ours && desired.covers(ref.namespace()))) {
        out.put(ref, Copies.serviceAccount(sa));
      }
    }
    return out;
  }

  private java.util.Optional<LiveSecret> lookUp(Ref ref) {
    try {
      Secret s = client.secrets().inNamespace(ref.namespace()).withName(ref.name()).get();
      return java.util.Optional.ofNullable(s).map(Copies::secret);
    } catch (RuntimeException e) {
      throw new ClusterUnavailableException("cannot read Secret " + ref + ": " + status(e));
    }
  }

  private void await(String what, SharedIndexInformer<?> informer) {
    try {
      informer.start().toCompletableFuture().get(syncTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterUnavailableException("interrupted while listing " + what);
    } catch (Exception e) {
      close();
      throw new ClusterUnavailableException(
          "cannot list and watch "
              + what
              + " within "
              + syncTimeout.toSeconds()
              + "s: "
              + status(e));
    }
  }

  private static String status(Throwable e) {
    Throwable t = e;
    while (t != null) {
      if (t instanceof io.fabric8.kubernetes.client.KubernetesClientException k
          && k.getCode() > 0) {
        return "API error " + k.getCode();
      }
      t = t.getCause();
    }
    return e.getClass().getSimpleName();
  }

  @Override
  public synchronized void close() {
    for (SharedIndexInformer<?> i :
        new SharedIndexInformer<?>[] {namespaces, secrets, serviceAccounts}) {
      if (i != null) {
        i.stop();
      }
    }
    namespaces = null;
    secrets = null;
    serviceAccounts = null;
  }
}
