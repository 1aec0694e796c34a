package dev.pullsync.desired;

/**
 * The labels and annotations by which one pullsync {@link Instance} marks what it owns. A Secret is
 * ours when it carries {@link #MANAGED_BY_LABEL}={@link #MANAGED_BY_VALUE}, {@link
 * #INSTANCE_LABEL}=our instance, and no {@link #MADE_FOR} annotation naming another namespace (see
 * {@link #ownerOf}); a ServiceAccount entry is ours when our instance's annotation ({@link
 * #ownedKey}) lists it and the Secret it names is ours or absent.
 */
public final class Ownership {
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY_VALUE = "pullsync";
  public static final String MANAGED_SELECTOR = MANAGED_BY_LABEL + "=" + MANAGED_BY_VALUE;
  public static final String PULL_SECRET_LABEL = "pullsync.dev/pullsecret";
  public static final String SOURCE_REVISION = "pullsync.dev/source-revision";
  public static final String FINGERPRINT = "pullsync.dev/fingerprint";

  /** On our Secrets: the instance that owns them. */
  public static final String INSTANCE_LABEL = "pullsync.dev/instance";

  /**
   * On our Secrets: the namespace the Secret was made for. A copy carried by hand into another
   * namespace keeps it, and is therefore not ours.
   */
  public static final String MADE_FOR = "pullsync.dev/namespace";

  /**
   * On a ServiceAccount, as written by versions without instances: comma-separated, sorted names of
   * the imagePullSecrets entries pullsync added. Read once for the upgrade; never written again.
   */
  public static final String OWNED_PULL_SECRETS = "pullsync.dev/owned-pull-secrets";

  /** The prefix of the per-instance owned-entries annotation ({@link #ownedKey}). */
  public static final String OWNED_PREFIX = "owned-pull-secrets.pullsync.dev/";

  /** Who owns a live Secret, as seen by one instance. */
  public enum Owner {
    /** Ours: managed-by pullsync, our instance label, made for this namespace (or unmarked). */
    OURS,
    /** Written by a pullsync version without instances; adopted by the instance that wants it. */
    LEGACY,
    /** Another pullsync instance's: a conflict, never an orphan. */
    OTHER_INSTANCE,
    /** A copy of a pullsync Secret made by hand into another namespace: not ours. */
    HAND_COPY,
    /** Not managed by pullsync at all. */
    FOREIGN
  }

  /**
   * On a ServiceAccount: the annotation key under which {@code instance} lists the imagePullSecrets
   * entries it added (comma-separated, sorted). Keyed per instance so that two instances can both
   * link one ServiceAccount.
   */
  public static String ownedKey(Instance instance) {
    return OWNED_PREFIX + instance.name();
  }

  /** Who owns a Secret with these labels and annotations, living in {@code namespace}. */
  public static Owner ownerOf(
      java.util.Map<String, String> labels,
      java.util.Map<String, String> annotations,
      String namespace,
      Instance instance) {
    if (!MANAGED_BY_VALUE.equals(labels.get(MANAGED_BY_LABEL))) {
      return Owner.FOREIGN;
    }
    String madeFor = annotations.get(MADE_FOR);
    if (madeFor != null && !madeFor.equals(namespace)) {
      return Owner.HAND_COPY;
    }
    String owner = labels.get(INSTANCE_LABEL);
    if (owner == null) {
      return Owner.LEGACY;
    }
    return owner.equals(instance.name()) ? Owner.OURS : Owner.OTHER_INSTANCE;
  }

  /** On a Namespace: {@code "true"} opts the namespace out of every PullSecret. */
  public static final String EXCLUDE = "pullsync.dev/exclude";

  public static final String SECRET_TYPE = "kubernetes.io/dockerconfigjson";
  public static final String DOCKER_CONFIG_KEY = ".dockerconfigjson";

  private Ownership() {}

  /** Parses the owned-pull-secrets annotation value (null or blank gives an empty set). */
  public static java.util.SortedSet<String> ownedEntries(String annotation) {
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    if (annotation != null) {
      for (String part : annotation.split(",")) {
        if (!part.isBlank()) {
          names.add(part.trim());
        }
      }
    }
    return names;
  }

  /** Formats the owned-pull-secrets annotation value. */
  public static String ownedAnnotation(java.util.Collection<String> names) {
    return String.join(",", new java.util.TreeSet<>(names));
  }
}
