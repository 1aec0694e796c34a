package dev.pullsync.unseal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A sealed-secrets scope and the OAEP label it binds a ciphertext to, exactly as the controller
 * computes it: {@code namespace/name} (strict), {@code namespace} (namespace-wide) or empty
 * (cluster-wide).
 */
public enum Scope {
  STRICT("strict"),
  NAMESPACE_WIDE("namespace-wide"),
  CLUSTER_WIDE("cluster-wide");

  /** Annotation that makes a SealedSecret namespace-wide. */
  public static final String NAMESPACE_WIDE_ANNOTATION = "sealedsecrets.bitnami.com/namespace-wide";

  /** Annotation that makes a SealedSecret cluster-wide (wins over namespace-wide). */
  public static final String CLUSTER_WIDE_ANNOTATION = "sealedsecrets.bitnami.com/cluster-wide";

  private final String text;

  Scope(String text) {
    this.text = text;
  }

  /** The spelling used by kubeseal's {@code --scope} and in the spec. */
  public String text() {
    return text;
  }

  /**
   * Parses {@code strict}, {@code namespace-wide} or {@code cluster-wide}.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Scope parse(String text) {
    for (Scope s : values()) {
      if (s.text.equals(text.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown scope \"" + text + "\" (expected strict, namespace-wide or cluster-wide)");
  }

  /** The scope a SealedSecret's own annotations give, as the controller reads them. */
  public static Scope fromAnnotations(Map<String, String> annotations) {
    if ("true".equals(annotations.get(CLUSTER_WIDE_ANNOTATION))) {
      return CLUSTER_WIDE;
    }
    if ("true".equals(annotations.get(NAMESPACE_WIDE_ANNOTATION))) {
      return NAMESPACE_WIDE;
    }
    return STRICT;
  }

  /** The label text for a Secret {@code name} in {@code namespace}. */
  public String labelText(String namespace, String name) {
    return switch (this) {
      case STRICT -> namespace + "/" + name;
      case NAMESPACE_WIDE -> namespace;
      case CLUSTER_WIDE -> "";
    };
  }

  /** The OAEP label bytes for a Secret {@code name} in {@code namespace}. */
  public byte[] label(String namespace, String name) {
    return labelText(namespace, name).getBytes(StandardCharsets.UTF_8);
  }

  /** Human description such as {@code strict (ns/name)} or {@code cluster-wide}. */
  public String describe(String namespace, String name) {
    return this == CLUSTER_WIDE ? text : text + " (" + labelText(namespace, name) + ")";
  }
}
