package dev.pullsync.plan;

import java.util.List;
import java.util.Objects;

/**
 * Every change one reconcile would make, sorted by namespace, kind and name, with the plan-level
 * errors (e.g. the deletion guard's refusal), the servers that would receive a credential for the
 * first time, and (for {@code pullsync plan}) the login check's verdicts. Holds no credential.
 *
 * @param newServers servers a managed Secret would carry that no managed Secret carries yet, with
 *     the servers they replace: credentials will be sent to them
 * @param registries the login check's verdict per Registry, when the plan ran it
 */
public record Plan(
    String revision,
    List<Change> changes,
    List<String> errors,
    List<ServerChange> newServers,
    List<RegistryVerdict> registries) {
  public Plan {
    Objects.requireNonNull(revision, "revision");
    changes = List.copyOf(changes);
    errors = List.copyOf(errors);
    newServers = List.copyOf(newServers);
    registries = List.copyOf(registries);
  }

  /** A plan with no new server and no login verdicts. */
  public Plan(String revision, List<Change> changes, List<String> errors) {
    this(revision, changes, errors, List.of(), List.of());
  }

  /** This plan with {@code verdicts} from the login check. */
  public Plan withRegistries(List<RegistryVerdict> verdicts) {
    return new Plan(revision, changes, errors, newServers, verdicts);
  }

  /**
   * True when any change would write (whatever the mode): what {@code pullsync plan} exits 3 on.
   */
  public boolean hasChanges() {
    return changes.stream().anyMatch(c -> c.action().writes());
  }

  /** The changes the applier is to write. */
  public List<Change> toApply() {
    return changes.stream().filter(Change::toApply).toList();
  }

  /**
   * A server a managed Secret would carry that no managed Secret carries yet.
   *
   * @param replaces the servers the same Secrets carry now and would no longer (empty: added)
   */
  public record ServerChange(String server, List<String> replaces) {
    public ServerChange {
      Objects.requireNonNull(server, "server");
      replaces = List.copyOf(replaces);
    }

    /** The line a reviewer must not miss. */
    public String warning() {
      return "credentials will be sent to a new server: "
          + server
          + (replaces.isEmpty() ? "" : " (instead of " + String.join(", ", replaces) + ")");
    }
  }

  /** The login check's verdict on one Registry's credential, in words. */
  public record RegistryVerdict(String registry, String server, String verdict, String reason) {
    public RegistryVerdict {
      Objects.requireNonNull(registry, "registry");
      Objects.requireNonNull(server, "server");
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
