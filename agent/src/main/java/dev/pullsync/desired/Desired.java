package dev.pullsync.desired;

import dev.pullsync.spec.Mode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one revision asks of the cluster: Secrets, ServiceAccount links and notices.
 *
 * @param revision the source revision rendered ({@code branch@sha1:...})
 * @param modes every PullSecret's mode, including those that target no namespace now
 * @param terminating namespaces being deleted: nothing is written or pruned there
 * @param scope the namespaces this render covers; empty means the whole cluster (a namespace event
 *     renders only its namespace, and prune must not reach beyond it)
 */
public record Desired(
    String revision,
    List<DesiredSecret> secrets,
    List<DesiredLink> links,
    List<Notice> notices,
    Map<String, Mode> modes,
    Set<String> terminating,
    Optional<Set<String>> scope) {
  public Desired {
    Objects.requireNonNull(revision, "revision");
    secrets = List.copyOf(secrets);
    links = List.copyOf(links);
    notices = List.copyOf(notices);
    modes = Map.copyOf(modes);
    terminating = Set.copyOf(terminating);
    scope = scope.map(Set::copyOf);
  }

  /** True when {@code namespace} is covered by this render. */
  public boolean covers(String namespace) {
    return scope.map(s -> s.contains(namespace)).orElse(true);
  }

  /** True when our objects in {@code namespace} may be removed: covered and not terminating. */
  public boolean prunable(String namespace) {
    return covers(namespace) && !terminating.contains(namespace);
  }
}
