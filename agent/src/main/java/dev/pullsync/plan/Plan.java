package dev.pullsync.plan;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every change one reconcile would make, sorted by namespace, kind and name, with the plan-level
 * errors (e.g. the deletion guard's refusal), the servers that would receive a credential for the
 * first time, and (for {@code pullsync plan}) the login and image checks' verdicts. Holds no
 * credential.
 *
 * @param newServers servers a managed Secret would carry that no managed Secret carries yet, with
 *     the servers they replace: credentials will be sent to them
 * @param registries the login check's verdict per Registry, with its images', when the plan ran it
 * @param basis for a plan made offline, the published inventory it was made against
 */
public record Plan(
    String revision,
    List<Change> changes,
    List<String> errors,
    List<ServerChange> newServers,
    List<RegistryVerdict> registries,
    Optional<Basis> basis) {
  public Plan {
    Objects.requireNonNull(revision, "revision");
    changes = List.copyOf(changes);
    errors = List.copyOf(errors);
    newServers = List.copyOf(newServers);
    registries = List.copyOf(registries);
    Objects.requireNonNull(basis, "basis");
  }

  /** A plan against the live cluster. */
  public Plan(
      String revision,
      List<Change> changes,
      List<String> errors,
      List<ServerChange> newServers,
      List<RegistryVerdict> registries) {
    this(revision, changes, errors, newServers, registries, Optional.empty());
  }

  /** A plan with no new server and no login verdicts. */
  public Plan(String revision, List<Change> changes, List<String> errors) {
    this(revision, changes, errors, List.of(), List.of());
  }

  /** This plan with {@code verdicts} from the login check. */
  public Plan withRegistries(List<RegistryVerdict> verdicts) {
    return new Plan(revision, changes, errors, newServers, verdicts, basis);
  }

  /** This plan, made against the published inventory {@code inventory}. */
  public Plan withBasis(Basis inventory) {
    return new Plan(revision, changes, errors, newServers, registries, Optional.of(inventory));
  }

  /** This plan with {@code replaced} as its changes (same order is the caller's to keep). */
  public Plan withChanges(List<Change> replaced) {
    return new Plan(revision, replaced, errors, newServers, registries, basis);
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

  /**
   * The published inventory an offline plan was made against: which cluster, when it was reported
   * and the revision it held then, and where the inventory was read ({@code ref:path} or a file).
   */
  public record Basis(String cluster, Instant reportedAt, String revision, String source) {
    public Basis {
      Objects.requireNonNull(cluster, "cluster");
      Objects.requireNonNull(reportedAt, "reportedAt");
      Objects.requireNonNull(revision, "revision");
      Objects.requireNonNull(source, "source");
    }

    /** "cluster prod as reported at 2026-05-01T10:00:00Z, revision main@sha1:..." */
    public String describe() {
      return "cluster " + cluster + " as reported at " + reportedAt + ", revision " + revision;
    }
  }

  /**
   * The login check's verdict on one Registry's credential, in words, with the image check's on
   * each of its {@code verify} images.
   *
   * @param heldBack why a new credential of this Registry would be held back (a rejected login or a
   *     denied image, named), when it would
   */
  public record RegistryVerdict(
      String registry,
      String server,
      String verdict,
      String reason,
      List<ImageVerdict> images,
      Optional<String> heldBack) {
    public RegistryVerdict {
      Objects.requireNonNull(registry, "registry");
      Objects.requireNonNull(server, "server");
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(reason, "reason");
      images = List.copyOf(images);
      Objects.requireNonNull(heldBack, "heldBack");
    }

    /** A Registry with no image to verify whose credential is not held back. */
    public RegistryVerdict(String registry, String server, String verdict, String reason) {
      this(registry, server, verdict, reason, List.of(), Optional.empty());
    }
  }

  /**
   * The image check's verdict on one {@code verify} image ({@code pullable}, {@code not-found},
   * {@code denied}, {@code unreachable}, {@code not-checked}), in words.
   */
  public record ImageVerdict(String image, String verdict, String reason) {
    public ImageVerdict {
      Objects.requireNonNull(image, "image");
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
