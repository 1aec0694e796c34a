package dev.pullsync.reconcile;

import dev.pullsync.live.StateTooLargeException;
import dev.pullsync.live.StoredSpec;
import dev.pullsync.source.Snapshot;
import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.Spec;
import dev.pullsync.unseal.Unsealed;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last good revision kept in the cluster, so a restart while Git is unreachable or its head is
 * invalid still has something to enforce. Each new good revision from Git is stored (its spec files
 * as committed: sealed values only); after a restart with nothing good from Git, the stored one is
 * loaded and unsealed exactly like a fetched one and enforced until Git gives a good revision.
 */
final class StoredRevisions {
  private static final Logger LOG = LoggerFactory.getLogger(StoredRevisions.class);

  private final StateKeeper keeper;
  private final Function<Path, Spec> load;
  private final Function<Spec, Unsealed> unseal;
  private final Clock clock;
  private String unusable = "";
  private String tooLarge = "";
  private String tooLargeMessage = "";
  private String storeFailure = "";

  StoredRevisions(
      StateKeeper keeper, Function<Path, Spec> load, Function<Spec, Unsealed> unseal, Clock clock) {
    this.keeper = Objects.requireNonNull(keeper, "keeper");
    this.load = Objects.requireNonNull(load, "load");
    this.unseal = Objects.requireNonNull(unseal, "unseal");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Nothing stored, nothing restored. */
  static StoredRevisions none(Function<Path, Spec> load, Function<Spec, Unsealed> unseal) {
    return new StoredRevisions(StateKeeper.none(), load, unseal, Clock.systemUTC());
  }

  /**
   * Stores {@code good} unless it is the stored one already.
   *
   * @return an error line for the report when it can never be stored (over the object size limit);
   *     an API failure is logged and retried on the next reconcile instead
   */
  Optional<String> keep(Revision good) {
    if (good.stored() || good.files().isEmpty()) {
      return Optional.empty();
    }
    if (good.name().equals(tooLarge)) {
      return Optional.of(tooLargeMessage);
    }
    try {
      if (!keeper.holds(good.name())) {
        keeper.keep(
            new StoredSpec(good.name(), good.snapshot().commit(), clock.instant(), good.files()));
        LOG.info("revision {} stored in the cluster", good.name());
        storeFailure = "";
      }
      return Optional.empty();
    } catch (StateTooLargeException e) {
      tooLarge = good.name();
      tooLargeMessage = e.getMessage();
      LOG.error("{}", e.getMessage());
      return Optional.of(e.getMessage());
    } catch (RuntimeException e) {
      // The revision itself is applied; only the restart safety net is missing: log, retry.
      String why =
          e instanceof KubernetesClientException k
              ? "API error " + k.getCode()
              : e.getClass().getSimpleName();
      if (!why.equals(storeFailure)) {
        LOG.warn("revision {} not stored in the cluster yet ({}); retrying", good.name(), why);
      }
      storeFailure = why;
      return Optional.empty();
    }
  }

  /** The stored revision, loaded and unsealed, when one is stored and still opens. */
  Optional<Revision> restore() {
    Optional<StoredSpec> stored;
    try {
      stored = keeper.stored();
    } catch (RuntimeException e) {
      LOG.warn("cannot read the stored revision ({}); retrying", e.getClass().getSimpleName());
      return Optional.empty();
    }
    if (stored.isEmpty() || stored.get().revision().equals(unusable)) {
      return Optional.empty();
    }
    StoredSpec spec = stored.get();
    try {
      Path root = materialize(spec.files());
      Unsealed unsealed = unseal.apply(load.apply(root));
      LOG.info("enforcing stored revision {} (stored {})", spec.revision(), spec.storedAt());
      return Optional.of(
          new Revision(
              new Snapshot(spec.revision(), spec.commit(), root, spec.storedAt()),
              unsealed,
              spec.files(),
              true));
    } catch (InvalidSpecException e) {
      unusable = spec.revision();
      LOG.warn(
          "stored revision {} cannot be enforced ({} problems)",
          spec.revision(),
          e.problems().size());
    } catch (RuntimeException e) {
      LOG.warn(
          "stored revision {} not loaded yet ({}); retrying",
          spec.revision(),
          e.getClass().getSimpleName());
    }
    return Optional.empty();
  }

  /** Writes the files into a fresh directory; a name that would leave it is refused. */
  private static Path materialize(Map<String, String> files) {
    try {
      Path root = Files.createTempDirectory("pullsync-stored-revision-");
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path target = root.resolve(file.getKey()).normalize();
        if (!target.startsWith(root) || file.getKey().startsWith("/")) {
          throw new InvalidSpecException(
              java.util.List.of(
                  new dev.pullsync.spec.Problem(
                      new dev.pullsync.spec.Location("(stored revision)", 1),
                      "",
                      "a stored file name leaves the spec directory: refused")));
        }
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue());
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
