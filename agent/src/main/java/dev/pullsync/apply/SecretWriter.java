package dev.pullsync.apply;

import dev.pullsync.desired.DesiredSecret;
import dev.pullsync.desired.Instance;
import dev.pullsync.desired.Ownership;
import dev.pullsync.desired.Ref;
import dev.pullsync.live.ClusterView;
import dev.pullsync.plan.Action;
import dev.pullsync.plan.Change;
import dev.pullsync.plan.Drift;
import dev.pullsync.spec.Adopt;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, updates, adopts and deletes Secrets, one request per write in the common case. Creates
 * are sent blind: a 409 AlreadyExists is the only way a foreign Secret of the same name is found
 * (then it is read once, and becomes a conflict, an adoption, or, when our cache was behind, an
 * update). Updates start from our cached copy, keep its foreign labels and annotations, set ours
 * and the data, and carry its resourceVersion; a 409 Conflict reads the Secret fresh and retries.
 * Deletes and replacements are {@link SecretRemoval}'s.
 */
final class SecretWriter {
  private static final Logger LOG = LoggerFactory.getLogger(SecretWriter.class);
  static final String FOREIGN_CONFLICT =
      "a Secret of this name exists and is not managed by pullsync (adopt: never); left alone";
  static final String FOREIGN_ADOPTED =
      "a Secret of this name is not managed by pullsync; taking it over (adopt: ifUnmanaged)";

  private final FailureLog failures;
  private final KubernetesClient client;
  private final ClusterView view;
  private final Throttle throttle;
  private final ApplyOptions options;
  private final SecretRemoval removal;

  SecretWriter(
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
    this.removal = new SecretRemoval(client, view, throttle);
  }

  Outcome write(Change change, Written written) {
    try {
      Outcome outcome =
          switch (change.action()) {
            case CREATE -> create(change, change.secret().orElseThrow(), written);
            case UPDATE, ADOPT -> update(change, change.secret().orElseThrow(), written);
            case REPLACE -> removal.replace(change, change.secret().orElseThrow(), written);
            case DELETE -> removal.delete(change, written);
            default -> throw new IllegalArgumentException("not a Secret write: " + change.action());
          };
      LOG.info(
          "{} Secret {}: {}", outcome.change().action().display(), change.ref(), outcome.reason());
      failures.succeeded("Secret", change.ref());
      return outcome;
    } catch (Refusal r) {
      failures.failed("Secret", change.ref(), "Writing Secret", r.getMessage());
      return new Outcome(change, Outcome.Status.FAILED, r.getMessage());
    } catch (RuntimeException e) {
      if (ApiFailure.isNamespaceTerminating(e)) {
        LOG.info("Secret {} not written: namespace terminating", change.ref());
        return new Outcome(change, Outcome.Status.SKIPPED, ApiFailure.NAMESPACE_TERMINATING);
      }
      String reason = ApiFailure.reason(e);
      failures.failed("Secret", change.ref(), change.action().display() + " Secret", reason);
      return new Outcome(change, Outcome.Status.FAILED, reason);
    }
  }

  private Outcome create(Change change, DesiredSecret want, Written written) {
    Secret secret = fresh(want);
    try {
      throttle.acquire();
      written.secret(
          want.ref(),
          client.secrets().inNamespace(want.ref().namespace()).resource(secret).create());
      return new Outcome(change, Outcome.Status.APPLIED, change.reason());
    } catch (RuntimeException e) {
      if (!ApiFailure.isConflict(e)) {
        throw e;
      }
      return collided(change, want, written);
    }
  }

  /** A new Secret as {@code want} describes it. */
  static Secret fresh(DesiredSecret want) {
    return new SecretBuilder()
        .withMetadata(
            new ObjectMetaBuilder()
                .withNamespace(want.ref().namespace())
                .withName(want.ref().name())
                .withLabels(new HashMap<>(want.labels()))
                .withAnnotations(new HashMap<>(want.annotations()))
                .build())
        .withType(want.type())
        .withData(data(want))
        .build();
  }

  /** The create met a Secret of that name: a foreign one, or ours that our cache had not seen. */
  private Outcome collided(Change change, DesiredSecret want, Written written) {
    Secret found = read(change.ref());
    if (found == null) {
      throw new Refusal("a Secret of this name came and went during the write; retried next time");
    }
    Ownership.Owner owner = ownerOf(found);
    if (owner == Ownership.Owner.OTHER_INSTANCE) {
      String reason =
          "a Secret of this name belongs to pullsync instance "
              + found.getMetadata().getLabels().get(Ownership.INSTANCE_LABEL)
              + "; left alone";
      return new Outcome(
          as(change, Action.CONFLICT, Drift.FOREIGN, reason), Outcome.Status.SKIPPED, reason);
    }
    if (owner == Ownership.Owner.OURS || owner == Ownership.Owner.LEGACY) {
      if (upToDate(found, want)) {
        return new Outcome(
            as(change, Action.NOOP, null, "up to date"), Outcome.Status.UNCHANGED, "up to date");
      }
      writeOver(change.ref(), found, want, Action.UPDATE, written);
      return applied(as(change, Action.UPDATE, Drift.MODIFIED, "data or labels differ"));
    }
    if (want.adopt() == Adopt.IF_UNMANAGED) {
      writeOver(change.ref(), found, want, Action.ADOPT, written);
      return applied(as(change, Action.ADOPT, Drift.FOREIGN, FOREIGN_ADOPTED));
    }
    view.rememberForeign(change.ref(), found); // the next snapshots need not read it again
    return new Outcome(
        as(change, Action.CONFLICT, Drift.FOREIGN, FOREIGN_CONFLICT),
        Outcome.Status.SKIPPED,
        FOREIGN_CONFLICT);
  }

  private Outcome update(Change change, DesiredSecret want, Written written) {
    Optional<Secret> cached =
        change.action() == Action.UPDATE ? view.cachedSecret(change.ref()) : Optional.empty();
    Secret base = cached.orElseGet(() -> read(change.ref()));
    if (base == null) {
      throw new Refusal("disappeared before the write; the next reconcile creates it");
    }
    writeOver(change.ref(), base, want, change.action(), written);
    return applied(change);
  }

  /** Writes {@code want} over {@code base}; on 409 reads the Secret fresh and tries again. */
  private void writeOver(Ref ref, Secret base, DesiredSecret want, Action action, Written written) {
    Secret current = base;
    for (int attempt = 1; ; attempt++) {
      if (action == Action.UPDATE && !updatable(current)) {
        throw new Refusal("no longer managed by pullsync; left alone");
      }
      if (!want.type().equals(current.getType())) {
        throw new Refusal(
            "type "
                + current.getType()
                + " cannot be changed to "
                + want.type()
                + " (Kubernetes keeps a Secret's type); delete the Secret to let pullsync"
                + " recreate it");
      }
      try {
        throttle.acquire();
        written.secret(
            ref,
            client.secrets().inNamespace(ref.namespace()).resource(next(current, want)).update());
        return;
      } catch (RuntimeException e) {
        if (!ApiFailure.isConflict(e) || attempt >= options.attempts()) {
          throw e;
        }
        current = read(ref);
        if (current == null) {
          throw new Refusal("disappeared before the write; the next reconcile creates it");
        }
      }
    }
  }

  private static Secret next(Secret current, DesiredSecret want) {
    Map<String, String> labels = copy(current.getMetadata().getLabels());
    labels.putAll(want.labels());
    Map<String, String> annotations = copy(current.getMetadata().getAnnotations());
    annotations.putAll(want.annotations());
    return new SecretBuilder(current)
        .editMetadata()
        .withLabels(labels)
        .withAnnotations(annotations)
        .endMetadata()
        .withData(data(want))
        .withStringData(null)
        .build();
  }

  private Secret read(Ref ref) {
    throttle.acquire();
    return client.secrets().inNamespace(ref.namespace()).withName(ref.name()).get();
  }

  private static boolean upToDate(Secret s, DesiredSecret want) {
    Map<String, String> labels = copy(s.getMetadata().getLabels());
    Map<String, String> annotations = copy(s.getMetadata().getAnnotations());
    return want.type().equals(s.getType())
        && data(want).equals(s.getData() == null ? Map.of() : s.getData())
        && labels.entrySet().containsAll(want.labels().entrySet())
        && annotations.entrySet().containsAll(want.annotations().entrySet());
  }

  static Outcome applied(Change change) {
    return new Outcome(change, Outcome.Status.APPLIED, change.reason());
  }

  /** The change as the write turned out to be (the plan could not know of the collision). */
  static Change as(Change c, Action action, Drift drift, String reason) {
    return new Change(
        action,
        c.kind(),
        c.ref(),
        c.pullSecret(),
        c.entry(),
        Optional.ofNullable(drift),
        c.execution(),
        reason,
        c.secret());
  }

  private Ownership.Owner ownerOf(Secret s) {
    return ownerOf(s, view.instance());
  }

  /** Who owns {@code s}, as seen by {@code instance}. */
  static Ownership.Owner ownerOf(Secret s, Instance instance) {
    return Ownership.ownerOf(
        copy(s.getMetadata().getLabels()),
        copy(s.getMetadata().getAnnotations()),
        s.getMetadata().getNamespace(),
        instance);
  }

  /** Ours, or written by a version without instances (the upgrade adopts it). */
  private boolean updatable(Secret s) {
    Ownership.Owner owner = ownerOf(s);
    return owner == Ownership.Owner.OURS || owner == Ownership.Owner.LEGACY;
  }

  private static Map<String, String> data(DesiredSecret want) {
    Map<String, String> data = new HashMap<>();
    for (String key : want.data().keys()) {
      data.put(key, Base64.getEncoder().encodeToString(want.data().bytes(key)));
    }
    return data;
  }

  private static Map<String, String> copy(Map<String, String> map) {
    return map == null ? new HashMap<>() : new HashMap<>(map);
  }

  /** A write held back on purpose, with a message fit for the report. */
  static final class Refusal extends RuntimeException {
    Refusal(String message) {
      super(message, null, false, false);
    }
  }
}
