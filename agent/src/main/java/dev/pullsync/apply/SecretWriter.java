package dev.pullsync.apply;

import dev.pullsync.desired.DesiredSecret;
import dev.pullsync.desired.Ownership;
import dev.pullsync.plan.Action;
import dev.pullsync.plan.Change;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, updates, adopts and deletes Secrets. Updates read the Secret fresh, keep its foreign
 * labels and annotations, set ours and the data, and write with its resourceVersion.
 */
final class SecretWriter {
  private static final Logger LOG = LoggerFactory.getLogger(SecretWriter.class);
  private final KubernetesClient client;

  SecretWriter(KubernetesClient client) {
    this.client = client;
  }

  Outcome write(Change change) {
    try {
      String done =
          switch (change.action()) {
            case CREATE -> create(change.secret().orElseThrow());
            case UPDATE, ADOPT -> update(change, change.secret().orElseThrow());
            case DELETE -> delete(change);
            default -> throw new IllegalArgumentException("not a Secret write: " + change.action());
          };
      LOG.info("{} Secret {}: {}", done, change.ref(), change.reason());
      return new Outcome(change, Outcome.Status.APPLIED, change.reason());
    } catch (Refusal r) {
      LOG.warn("Secret {} not written: {}", change.ref(), r.getMessage());
      return new Outcome(change, Outcome.Status.FAILED, r.getMessage());
    } catch (RuntimeException e) {
      String reason = ApiFailure.reason(e);
      LOG.warn("{} Secret {} failed: {}", change.action().display(), change.ref(), reason);
      return new Outcome(change, Outcome.Status.FAILED, reason);
    }
  }

  private String create(DesiredSecret want) {
    Secret secret =
        new SecretBuilder()
            .withMetadata(
                new ObjectMetaBuilder()
                    .withNamespace(want.ref().namespace())
                    .withName(want.ref().name())
                    .withLabels(new HashMap<>(want.labels()))
                    .withAnnotations(new HashMap<>(want.annotations()))
                    .build())
            .withType(Ownership.SECRET_TYPE)
            .withData(data(want))
            .build();
    client.secrets().inNamespace(want.ref().namespace()).resource(secret).create();
    return "created";
  }

  private String update(Change change, DesiredSecret want) {
    Secret fresh = get(change);
    boolean managed = isManaged(fresh);
    if (change.action() == Action.UPDATE && !managed) {
      throw new Refusal("no longer managed by pullsync; left alone");
    }
    if (!Ownership.SECRET_TYPE.equals(fresh.getType())) {
      throw new Refusal(
          "type " + fresh.getType() + " cannot be changed to " + Ownership.SECRET_TYPE);
    }
    Map<String, String> labels = copy(fresh.getMetadata().getLabels());
    labels.putAll(want.labels());
    Map<String, String> annotations = copy(fresh.getMetadata().getAnnotations());
    annotations.putAll(want.annotations());
    Secret next =
        new SecretBuilder(fresh)
            .editMetadata()
            .withLabels(labels)
            .withAnnotations(annotations)
            .endMetadata()
            .withData(data(want))
            .withStringData(null)
            .build();
    client.secrets().inNamespace(want.ref().namespace()).resource(next).update();
    return change.action() == Action.ADOPT ? "adopted" : "updated";
  }

  private String delete(Change change) {
    Secret fresh =
        client.secrets().inNamespace(change.ref().namespace()).withName(change.ref().name()).get();
    if (fresh == null) {
      return "already gone:";
    }
    if (!isManaged(fresh)) {
      throw new Refusal("no longer managed by pullsync; not deleted");
    }
    client.secrets().inNamespace(change.ref().namespace()).resource(fresh).delete();
    return "deleted";
  }

  private Secret get(Change change) {
    Secret fresh =
        client.secrets().inNamespace(change.ref().namespace()).withName(change.ref().name()).get();
    if (fresh == null) {
      throw new Refusal("disappeared before the write; the next reconcile creates it");
    }
    return fresh;
  }

  private static boolean isManaged(Secret s) {
    Map<String, String> labels = s.getMetadata().getLabels();
    return labels != null
        && Ownership.MANAGED_BY_VALUE.equals(labels.get(Ownership.MANAGED_BY_LABEL));
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
