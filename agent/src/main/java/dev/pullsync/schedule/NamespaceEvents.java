package dev.pullsync.schedule;

import dev.pullsync.reconcile.Trigger;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Turns cluster events into namespace-scoped reconciles, so that a new namespace or a stripped
 * ServiceAccount is served within seconds rather than at the next tick: a namespace added or
 * relabelled (or re-annotated: the opt-out annotation), a ServiceAccount created, or a
 * ServiceAccount that lost an {@code imagePullSecrets} entry, or (when the live view shares its
 * informer over the Secrets pullsync manages) such a Secret changed or deleted. Handlers are
 * registered on the informers the live view already runs; no second set of watches is opened.
 * Events delivered while an informer's first list is still being replayed are ignored: the startup
 * reconcile covers those objects.
 */
public final class NamespaceEvents {
  /** The trigger reason for every event-driven reconcile. */
  public static final String REASON = "namespace-event";

  private final Consumer<Trigger> submit;

  private NamespaceEvents(Consumer<Trigger> submit) {
    this.submit = submit;
  }

  /** Registers the handlers; events go to {@code submit} (the reconcile queue). */
  public static NamespaceEvents register(ClusterInformers informers, Consumer<Trigger> submit) {
    NamespaceEvents events = new NamespaceEvents(Objects.requireNonNull(submit, "submit"));
    informers
        .namespaces()
        .addEventHandler(events.new NamespaceHandler(new KnownObjects<>(informers.namespaces())));
    informers
        .serviceAccounts()
        .addEventHandler(
            events.new ServiceAccountHandler(new KnownObjects<>(informers.serviceAccounts())));
    informers.managedSecrets().ifPresent(s -> s.addEventHandler(events.new SecretHandler()));
    return events;
  }

  private void trigger(String namespace) {
    if (namespace != null && !namespace.isEmpty()) {
      submit.accept(Trigger.namespaces(REASON, Set.of(namespace)));
    }
  }

  /** True when the new object dropped a pull-secret reference the old one had. */
  static boolean lostAnEntry(ServiceAccount before, ServiceAccount after) {
    Set<String> now = names(after);
    return names(before).stream().anyMatch(n -> !now.contains(n));
  }

  private static Set<String> names(ServiceAccount sa) {
    List<LocalObjectReference> refs = sa.getImagePullSecrets();
    if (refs == null) {
      return Set.of();
    }
    return refs.stream()
        .map(LocalObjectReference::getName)
        .filter(Objects::nonNull)
        .collect(Collectors.toSet());
  }

  private static Map<String, String> labels(Namespace ns) {
    Map<String, String> labels = ns.getMetadata().getLabels();
    return labels == null ? Map.of() : labels;
  }

  private static Map<String, String> annotations(Namespace ns) {
    Map<String, String> annotations = ns.getMetadata().getAnnotations();
    return annotations == null ? Map.of() : annotations;
  }

  /**
   * The objects an informer held when our handler was added: their replayed adds are not news.
   * Before the informer has synced, every add is part of its first list.
   */
  private static final class KnownObjects<T extends HasMetadata> {
    private final SharedIndexInformer<T> informer;
    private final Set<String> uids = ConcurrentHashMap.newKeySet();

    KnownObjects(SharedIndexInformer<T> informer) {
      this.informer = informer;
      if (informer.hasSynced()) {
        informer.getStore().list().forEach(o -> uids.add(key(o)));
      }
    }

    /** True for an add that reports a new object (and forgets a replayed one once seen). */
    boolean isNew(T added) {
      return informer.hasSynced() && !uids.remove(key(added));
    }

    private static String key(HasMetadata o) {
      return o.getMetadata().getNamespace()
          + "/"
          + o.getMetadata().getName()
          + "/"
          + o.getMetadata().getUid();
    }
  }

  private final class NamespaceHandler implements ResourceEventHandler<Namespace> {
    private final KnownObjects<Namespace> known;

    NamespaceHandler(KnownObjects<Namespace> known) {
      this.known = known;
    }

    @Override
    public void onAdd(Namespace ns) {
      if (known.isNew(ns)) {
        trigger(ns.getMetadata().getName());
      }
    }

    @Override
    public void onUpdate(Namespace before, Namespace after) {
      if (!labels(before).equals(labels(after))
          || !annotations(before).equals(annotations(after))) {
        trigger(after.getMetadata().getName());
      }
    }

    @Override
    public void onDelete(Namespace ns, boolean finalStateUnknown) {
      // Its objects go with it; nothing to write.
    }
  }

  private final class ServiceAccountHandler implements ResourceEventHandler<ServiceAccount> {
    private final KnownObjects<ServiceAccount> known;

    ServiceAccountHandler(KnownObjects<ServiceAccount> known) {
      this.known = known;
    }

    @Override
    public void onAdd(ServiceAccount sa) {
      if (known.isNew(sa)) {
        trigger(sa.getMetadata().getNamespace());
      }
    }

    @Override
    public void onUpdate(ServiceAccount before, ServiceAccount after) {
      if (lostAnEntry(before, after)) {
        trigger(after.getMetadata().getNamespace());
      }
    }

    @Override
    public void onDelete(ServiceAccount sa, boolean finalStateUnknown) {
      // A deleted ServiceAccount needs nothing; a re-created one arrives as an add.
    }
  }

  /**
   * A managed Secret changed or deleted: someone may have edited or removed it. The agent's own
   * writes also arrive here; their follow-up reconcile finds nothing to do and writes nothing.
   */
  private final class SecretHandler implements ResourceEventHandler<Secret> {
    @Override
    public void onAdd(Secret secret) {
      // Created by the agent itself; nothing to repair.
    }

    @Override
    public void onUpdate(Secret before, Secret after) {
      if (!Objects.equals(
          before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion())) {
        trigger(after.getMetadata().getNamespace());
      }
    }

    @Override
    public void onDelete(Secret secret, boolean finalStateUnknown) {
      trigger(secret.getMetadata().getNamespace());
    }
  }
}
