package dev.pullsync.apply;

import dev.pullsync.desired.Ownership;
import dev.pullsync.desired.Ref;
import dev.pullsync.live.ClusterView;
import dev.pullsync.plan.Action;
import dev.pullsync.plan.Change;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds or removes our entries in one ServiceAccount's {@code imagePullSecrets}: starts from the
 * informer's cached copy (no read request), keeps every other entry and the order, records our
 * entries in the owned-pull-secrets annotation, and updates with the resourceVersion; on 409 it
 * reads the ServiceAccount fresh and retries (bounded).
 */
final class ServiceAccountWriter {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceAccountWriter.class);
  private final KubernetesClient client;
  private final ClusterView view;
  private final Throttle throttle;
  private final ApplyOptions options;

  ServiceAccountWriter(
      KubernetesClient client, ClusterView view, Throttle throttle, ApplyOptions options) {
    this.client = client;
    this.view = view;
    this.throttle = throttle;
    this.options = options;
  }

  /** Applies every change to one ServiceAccount in one write; returns an outcome per change. */
  List<Outcome> write(Ref sa, List<Change> changes, Written written) {
    String reason = "";
    for (int attempt = 1; attempt <= options.attempts(); attempt++) {
      try {
        ServiceAccount fresh =
            attempt == 1 ? view.cachedServiceAccount(sa).orElseGet(() -> read(sa)) : read(sa);
        if (fresh == null) {
          return all(changes, Outcome.Status.PENDING, "ServiceAccount does not exist (yet)");
        }
        ServiceAccount next = merged(fresh, changes);
        if (next != null) {
          throttle.acquire();
          written.serviceAccount(
              sa, client.serviceAccounts().inNamespace(sa.namespace()).resource(next).update());
        }
        changes.forEach(c -> LOG.info("{} {} in ServiceAccount {}", verb(c), c.entry(), sa));
        return changes.stream()
            .map(c -> new Outcome(c, Outcome.Status.APPLIED, c.reason()))
            .toList();
      } catch (RuntimeException e) {
        reason = ApiFailure.reason(e);
        if (!ApiFailure.isConflict(e)) {
          break;
        }
        reason = reason + " (still conflicting after " + attempt + " attempts)";
        LOG.debug("ServiceAccount {} changed concurrently (attempt {}); re-reading", sa, attempt);
        if (attempt < options.attempts()) {
          pause(attempt);
        }
      }
    }
    LOG.warn("ServiceAccount {} not updated: {}", sa, reason);
    return all(changes, Outcome.Status.FAILED, reason);
  }

  private ServiceAccount read(Ref sa) {
    throttle.acquire();
    return client.serviceAccounts().inNamespace(sa.namespace()).withName(sa.name()).get();
  }

  /** The updated ServiceAccount, or null when it already says what we want. */
  private static ServiceAccount merged(ServiceAccount fresh, List<Change> changes) {
    List<LocalObjectReference> refs =
        new ArrayList<>(
            fresh.getImagePullSecrets() == null ? List.of() : fresh.getImagePullSecrets());
    Map<String, String> annotations =
        fresh.getMetadata().getAnnotations() == null
            ? new HashMap<>()
            : new HashMap<>(fresh.getMetadata().getAnnotations());
    SortedSet<String> owned = Ownership.ownedEntries(annotations.get(Ownership.OWNED_PULL_SECRETS));
    List<LocalObjectReference> before = List.copyOf(refs);
    String ownedBefore = Ownership.ownedAnnotation(owned);
    for (Change c : changes) {
      String entry = c.entry();
      if (c.action() == Action.LINK) {
        if (refs.stream().noneMatch(r -> entry.equals(r.getName()))) {
          refs.add(new LocalObjectReference(entry));
          owned.add(entry);
        }
      } else if (owned.remove(entry)) {
        refs.removeIf(r -> entry.equals(r.getName()));
      }
    }
    if (refs.equals(before) && Ownership.ownedAnnotation(owned).equals(ownedBefore)) {
      return null;
    }
    if (owned.isEmpty()) {
      annotations.remove(Ownership.OWNED_PULL_SECRETS);
    } else {
      annotations.put(Ownership.OWNED_PULL_SECRETS, Ownership.ownedAnnotation(owned));
    }
    return new ServiceAccountBuilder(fresh)
        .editMetadata()
        .withAnnotations(annotations)
        .endMetadata()
        .withImagePullSecrets(refs)
        .build();
  }

  private static List<Outcome> all(List<Change> changes, Outcome.Status status, String reason) {
    return changes.stream().map(c -> new Outcome(c, status, reason)).toList();
  }

  private static String verb(Change c) {
    return c.action() == Action.LINK ? "linked" : "unlinked";
  }

  private void pause(int attempt) {
    try {
      Thread.sleep(options.backoff().toMillis() * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
