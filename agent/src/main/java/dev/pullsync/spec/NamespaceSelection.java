package dev.pullsync.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which namespaces a PullSecret targets: the union of {@code names}, {@code patterns} and {@code
 * selector}, minus {@code exclude} (names or globs), which wins over every include.
 */
public record NamespaceSelection(
    List<String> names, List<Glob> patterns, Optional<LabelSelector> selector, List<Glob> exclude) {
  public NamespaceSelection {
    names = List.copyOf(names);
    patterns = List.copyOf(patterns);
    Objects.requireNonNull(selector, "selector");
    exclude = List.copyOf(exclude);
  }
}
