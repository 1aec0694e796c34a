package dev.pullsync.desired;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identity of one pullsync agent: which Secrets and ServiceAccount entries it owns. Two agents
 * in one cluster (or one agent pointed at two repositories) need distinct instances; each then
 * leaves the other's objects alone. The name is a valid Kubernetes label value (at most 63
 * characters of letters, digits, {@code -}, {@code _} and {@code .}, starting and ending with a
 * letter or digit), because it is written as the {@code pullsync.dev/instance} label.
 *
 * <p>When the configuration does not set {@code instance}, it is derived as {@code
 * <agent-namespace>.<cluster>} (e.g. {@code pullsync.prod-eu-1}): the agent's own namespace and the
 * name it reports under. Characters a label value cannot hold become {@code -}; a name longer than
 * 63 characters is cut and ends in 8 hex digits of its SHA-256, so it stays distinct.
 */
public record Instance(String name) {
  public static final int MAX_LENGTH = 63;
  private static final Pattern VALID =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");

  public Instance {
    Objects.requireNonNull(name, "name");
    if (!isValid(name)) {
      throw new IllegalArgumentException(
          "instance '"
              + name
              + "' is not a valid label value (1-63 letters, digits, '-', '_' or '.',"
              + " starting and ending with a letter or digit)");
    }
  }

  /** True when {@code name} can be an instance name (a non-empty label value). */
  public static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches();
  }

  /** The default instance of an agent in {@code agentNamespace} reporting as {@code cluster}. */
  public static Instance derived(String agentNamespace, String cluster) {
    String joined = clean(agentNamespace) + "." + clean(cluster);
    String trimmed = trimEnds(joined);
    if (trimmed.isEmpty()) {
      trimmed = "pullsync";
    }
    if (trimmed.length() <= MAX_LENGTH) {
      return new Instance(trimmed);
    }
    String hash = sha256(agentNamespace + "\n" + cluster).substring(0, 8);
    String head = trimEnds(trimmed.substring(0, MAX_LENGTH - hash.length() - 1));
    return new Instance(head + "-" + hash);
  }

  private static String clean(String part) {
    return part.replaceAll("[^-A-Za-z0-9_.]", "-");
  }

  private static String trimEnds(String s) {
    return s.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).toLowerCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
