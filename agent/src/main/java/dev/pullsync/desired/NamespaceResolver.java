package dev.pullsync.desired;

import dev.pullsync.spec.Glob;
import dev.pullsync.spec.NamespaceSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Resolves one PullSecret's namespace selection against the live namespaces: {@code names} ∪ {@code
 * patterns} ∪ {@code selector}, minus {@code exclude} and the {@code pullsync.dev/exclude: "true"}
 * opt-out; terminating namespaces are skipped, each with a notice.
 */
final class NamespaceResolver {
  /** The notice for a selected namespace being deleted: nothing is written there. */
  static final String TERMINATING = "namespace terminating; skipped";

  /** The namespaces targeted, and listed names that do not exist or are terminating. */
  record Resolution(List<String> targets, List<Notice> notices) {
    Resolution {
      targets = List.copyOf(targets);
      notices = List.copyOf(notices);
    }
  }

  Resolution resolve(String pullSecret, NamespaceSelection selection, Inventory inventory) {
    Map<String, Inventory.Namespace> byName =
        inventory.namespaces().stream()
            .collect(Collectors.toMap(Inventory.Namespace::name, Function.identity(), (a, b) -> a));
    List<String> targets = new ArrayList<>();
    List<Notice> notices = new ArrayList<>();
    for (Inventory.Namespace ns : inventory.namespaces().stream().sorted(byNameOrder()).toList()) {
      if (included(selection, ns) && !excluded(selection, ns)) {
        if (ns.terminating()) {
          notices.add(new Notice(pullSecret, ns.name(), TERMINATING));
        } else {
          targets.add(ns.name());
        }
      }
    }
    for (String name : Set.copyOf(selection.names()).stream().sorted().toList()) {
      Optional<Inventory.Namespace> ns = Optional.ofNullable(byName.get(name));
      if (ns.isEmpty()) {
        notices.add(new Notice(pullSecret, name, "namespace listed in names does not exist"));
      }
    }
    return new Resolution(targets, notices);
  }

  private static java.util.Comparator<Inventory.Namespace> byNameOrder() {
    return java.util.Comparator.comparing(Inventory.Namespace::name);
  }

  private static boolean included(NamespaceSelection selection, Inventory.Namespace ns) {
    return selection.names().contains(ns.name())
        || selection.patterns().stream().anyMatch(g -> g.matches(ns.name()))
        || selection.selector().map(s -> s.matches(ns.labels())).orElse(false);
  }

  private static boolean excluded(NamespaceSelection selection, Inventory.Namespace ns) {
    return "true".equals(ns.annotations().get(Ownership.EXCLUDE))
        || selection.exclude().stream().anyMatch((Glob g) -> g.matches(ns.name()));
  }
}
