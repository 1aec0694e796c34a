package dev.pullsync.desired;

/**
 * The labels and annotations by which pullsync marks what it owns. A Secret is ours when it carries
 * {@link #MANAGED_BY_LABEL}={@link #MANAGED_BY_VALUE}; a ServiceAccount entry is ours when its name
 * is listed in the {@link #OWNED_PULL_SECRETS} annotation of that ServiceAccount.
 */
public final class Ownership {
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY_VALUE = "pullsync";
  public static final String MANAGED_SELECTOR = MANAGED_BY_LABEL + "=" + MANAGED_BY_VALUE;
  public static final String PULL_SECRET_LABEL = "pullsync.dev/pullsecret";
  public static final String SOURCE_REVISION = "pullsync.dev/source-revision";
  public static final String FINGERPRINT = "pullsync.dev/fingerprint";

  /**
   * On a ServiceAccount: comma-separated, sorted names of the imagePullSecrets entries we added.
   */
  public static final String OWNED_PULL_SECRETS = "pullsync.dev/owned-pull-secrets";

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
