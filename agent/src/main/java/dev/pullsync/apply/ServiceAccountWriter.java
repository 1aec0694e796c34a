package dev.pullsync.apply;

import dev.pullsync.desired.Ownership;
import dev.pullsync.desired.Ref;
import dev.pullsync.live.ClusterView;
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
 * entries in our instance's owned-entries annotation (a link also takes the entry out of the
 * annotation of a version without instances; a release drops it from ours and keeps the entry), and
 * updates with the resourceVersion; on 409 it reads the ServiceAccount fresh and retries (bounded).
 */
final class ServiceAccountWriter {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceAccountWriter.class);
  private final FailureLog failures;
  private final KubernetesClient client;
  private final ClusterView view;
  private final Throttle throttle;
  private final ApplyOptions options;

  ServiceAccountWriter(
      KubernetesClient client,
      ClusterView view,
      Throttle throttle,
      ApplyOptions options,
      FailureLog failures) {
    this.failures = failures;
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
        ServiceAccount next = merged(fresh, changes, Ownership.ownedKey(view.instance()));
        if (next != null) {
          throttle.acquire();
          written.serviceAccount(
              sa, client.serviceAccounts().inNamespace(sa.namespace()).resource(next).update());
        }
        changes.forEach(c -> LOG.info("{} {} in ServiceAccount {}", verb(c), c.entry(), sa));
        failures.succeeded("ServiceAccount", sa);
        return changes.stream()
            .map(c -> new Outcome(c, Outcome.Status.APPLIED, c.reason()))
            .toList();
      } catch (RuntimeException e) {
        if (ApiFailure.isNamespaceTerminating(e)) {
          return all(changes, Outcome.Status.SKIPPED, ApiFailure.NAMESPACE_TERMINATING);
        }
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
    failures.failed("ServiceAccount", sa, "Updating ServiceAccount", reason);
    return all(changes, Outcome.Status.FAILED, reason);
  }

  private ServiceAccount read(Ref sa) {
    throttle.acquire();
    return client.serviceAccounts().inNamespace(sa.namespace()).withName(sa.name()).get();
  }

  /** The updated ServiceAccount, or null when it already says what we want. */
  private static ServiceAccount merged(ServiceAccount fresh, List<Change> changes, String key) {
    List<LocalObjectReference> refs =
        new ArrayList<>(
            fresh.getImagePullSecrets() == null ? List.of() : fresh.getImagePullSecrets());
    Map<String, String> annotations =
        fresh.getMetadata().getAnnotations() == null
            ? new HashMap<>()
            : new HashMap<>(fresh.getMetadata().getAnnotations());
    SortedSet<String> owned = Ownership.ownedEntries(annotations.get(key));
    SortedSet<String> legacy =
        Ownership.ownedEntries(annotations.get(Ownership.OWNED_PULL_SECRETS));
    Map<String, String> before = Map.copyOf(annotations);
    List<LocalObjectReference> refsBefore = List.copyOf(refs);
    for (Change c : changes) {
      String entry = c.entry();
      switch (c.action()) {
        case LINK -> {
          if (refs.stream().noneMatch(r -> entry.equals(r.getName()))) {
            refs.add(new LocalObjectReference(entry));
          }
          owned.add(entry);
          legacy.remove(entry);
        }
        case RELEASE -> owned.remove(entry);
        default -> {
          if (owned.remove(entry)) {
            refs.removeIf(r -> entry.equals(r.getName()));
          }
        }
      }
    }
    put(annotations, key, owned);
    put(annotations, Ownership.OWNED_PULL_SECRETS, legacy);
    if (refs.equals(refsBefore) && annotations.equals(before)) {
      return null;
    }
    return new ServiceAccountBuilder(fresh)
        .editMetadata()
        .withAnnotations(annotations)
        .endMetadata()
        .withImagePullSecrets(refs)
        .build();
  }

  private static void put(Map<String, String> annotations, String key, SortedSet<String> names) {
    if (names.isEmpty()) {
      annotations.remove(key);
    } else {
      annotations.put(key, Ownership.ownedAnnotation(names));
    }
  }

  private static List<Outcome> all(List<Change> changes, Outcome.Status status, String reason) {
    return changes.stream().map(c -> new Outcome(c, status, reason)).toList();
  }

  private static String verb(Change c) {
    return switch (c.action()) {
      case LINK -> "linked";
      case RELEASE -> "released (kept, no longer ours)";
      default -> "unlinked";
    };
  }

  private void pause(int attempt) {
    try {
      Thread.sleep(options.backoff().toMillis() * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
