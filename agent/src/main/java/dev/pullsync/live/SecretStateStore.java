package dev.pullsync.live;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Keeps an instance's {@link InstanceState} in one Opaque Secret, {@code pullsync-state-<instance>}
 * in the agent's own namespace. It is deliberately <em>not</em> labelled {@code
 * app.kubernetes.io/managed-by=pullsync}: that label marks pull Secrets, which the planner may
 * prune; this one carries {@code app.kubernetes.io/part-of=pullsync} and {@code
 * pullsync.dev/state-of=<instance>} instead. A Secret (not a ConfigMap) because the fingerprint
 * salt must stay as private as the credentials the fingerprints describe.
 */
public final class SecretStateStore implements StateStore {
  /** Kubernetes refuses a Secret whose data exceeds 1 MiB. */
  public static final int MAX_BYTES = 1024 * 1024;

  public static final String STATE_OF_LABEL = "pullsync.dev/state-of";
  static final String REVISION = "revision";
  static final String COMMIT = "commit";
  static final String STORED_AT = "stored-at";
  static final String FILES = "spec-files.json";
  static final String SALT = "fingerprint-salt";

  private final KubernetesClient client;
  private final String namespace;
  private final String instance;

  public SecretStateStore(KubernetesClient client, String namespace, String instance) {
    this.client = Objects.requireNonNull(client, "client");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.instance = Objects.requireNonNull(instance, "instance");
  }

  /** {@code pullsync-state-<instance>}, lower-cased, other characters than [a-z0-9-.] as '-'. */
  public static String nameFor(String instance) {
    String safe = instance.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
    String name = "pullsync-state-" + safe;
    return name.length() > 253 ? name.substring(0, 253) : name.replaceAll("[-.]+$", "");
  }

  /** The Secret's name. */
  public String name() {
    return nameFor(instance);
  }

  @Override
  public Optional<InstanceState> load() {
    Secret secret = client.secrets().inNamespace(namespace).withName(name()).get();
    if (secret == null) {
      return Optional.empty();
    }
    Map<String, byte[]> data = new TreeMap<>();
    Map<String, String> raw = secret.getData() == null ? Map.of() : secret.getData();
    raw.forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v)));
    Optional<StoredSpec> spec = Optional.empty();
    if (data.containsKey(REVISION) && data.containsKey(FILES)) {
      spec =
          Optional.of(
              new StoredSpec(
                  text(data, REVISION),
                  text(data, COMMIT),
                  Instant.parse(text(data, STORED_AT)),
                  files(text(data, FILES))));
    }
    return Optional.of(new InstanceState(spec, data.getOrDefault(SALT, new byte[0])));
  }

  @Override
  public void save(InstanceState state) {
    Map<String, byte[]> data = new LinkedHashMap<>();
    state
        .revision()
        .ifPresent(
            spec -> {
              data.put(REVISION, utf8(spec.revision()));
              data.put(COMMIT, utf8(spec.commit()));
              data.put(STORED_AT, utf8(spec.storedAt().toString()));
              data.put(FILES, utf8(Serialization.asJson(new TreeMap<>(spec.files()))));
            });
    byte[] salt = state.fingerprintSalt();
    if (salt.length > 0) {
      data.put(SALT, salt);
    }
    long size = data.values().stream().mapToLong(v -> v.length).sum();
    if (size > MAX_BYTES) {
      throw new StateTooLargeException(
          "the spec of revision "
              + state.revision().map(StoredSpec::revision).orElse("?")
              + " takes "
              + size
              + " bytes, over the 1 MiB (1048576 bytes) limit of one Kubernetes object: not stored"
              + " in Secret "
              + namespace
              + "/"
              + name());
    }
    write(data);
  }

  private void write(Map<String, byte[]> data) {
    Map<String, String> encoded = new TreeMap<>();
    data.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v)));
    Secret existing = client.secrets().inNamespace(namespace).withName(name()).get();
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName(name())
            .withNamespace(namespace)
            .addToLabels("app.kubernetes.io/part-of", "pullsync")
            .addToLabels(STATE_OF_LABEL, labelValue())
            .withResourceVersion(
                existing == null ? null : existing.getMetadata().getResourceVersion())
            .endMetadata()
            .withType("Opaque")
            .withData(encoded)
            .build();
    if (existing == null) {
      client.secrets().inNamespace(namespace).resource(secret).create();
    } else {
      client.secrets().inNamespace(namespace).resource(secret).update();
    }
  }

  /** The instance as a label value: at most 63 characters, alphanumeric at both ends. */
  private String labelValue() {
    String v = nameFor(instance).substring("pullsync-state-".length());
    v = v.length() > 63 ? v.substring(0, 63) : v;
    return v.replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> files(String json) {
    Map<String, Object> parsed = Serialization.unmarshal(json, Map.class);
    Map<String, String> files = new TreeMap<>();
    parsed.forEach((k, v) -> files.put(k, String.valueOf(v)));
    return files;
  }

  private static String text(Map<String, byte[]> data, String key) {
    byte[] v = data.get(key);
    return v == null ? "" : new String(v, StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "SecretStateStore[" + namespace + "/" + name() + "]";
  }
}
