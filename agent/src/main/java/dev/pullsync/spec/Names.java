package dev.pullsync.spec;

import java.util.Optional;
import java.util.regex.Pattern;

/** Kubernetes name rules (DNS-1123 labels and subdomains, label keys and values). */
final class Names {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern QUALIFIED =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

  private Names() {}

  /** Why {@code name} is not a DNS-1123 label (registry and namespace names), if it is not. */
  static Optional<String> labelProblem(String name) {
    if (name.length() > 63) {
      return Optional.of("must be at most 63 characters (DNS-1123 label)");
    }
    return LABEL.matcher(name).matches()
        ? Optional.empty()
        : Optional.of(
            "must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending"
                + " with a letter or digit");
  }

  /** Why {@code name} is not a DNS-1123 subdomain (Secret and ServiceAccount names). */
  static Optional<String> subdomainProblem(String name) {
    if (name.length() > 253) {
      return Optional.of("must be at most 253 characters (DNS-1123 subdomain)");
    }
    return SUBDOMAIN.matcher(name).matches()
        ? Optional.empty()
        : Optional.of(
            "must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', starting and"
                + " ending with a letter or digit");
  }

  /** Why {@code key} is not a valid label key ({@code [prefix/]name}). */
  static Optional<String> labelKeyProblem(String key) {
    int slash = key.lastIndexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      if (prefix.isEmpty() || subdomainProblem(prefix).isPresent()) {
        return Optional.of("label key prefix must be a DNS-1123 subdomain");
      }
    }
    if (name.isEmpty() || name.length() > 63 || !QUALIFIED.matcher(name).matches()) {
      return Optional.of(
          "label key name must be 1-63 characters: letters, digits, '-', '_' and '.',"
              + " starting and ending with a letter or digit");
    }
    return Optional.empty();
  }

  /** Why {@code value} is not a valid label value. */
  static Optional<String> labelValueProblem(String value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.length() > 63 || !QUALIFIED.matcher(value).matches()) {
      return Optional.of(
          "label value must be at most 63 characters: letters, digits, '-', '_' and '.',"
              + " starting and ending with a letter or digit");
    }
    return Optional.empty();
  }
}
