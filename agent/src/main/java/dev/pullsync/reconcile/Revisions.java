package dev.pullsync.reconcile;

import dev.pullsync.desired.Renderer;
import dev.pullsync.source.Snapshot;
import dev.pullsync.source.SourceException;
import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.Problem;
import dev.pullsync.spec.Spec;
import dev.pullsync.unseal.Unsealed;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches, loads and unseals revisions, and remembers the last good one. Two kinds of failure:
 *
 * <ul>
 *   <li><b>stalled</b> ({@link InvalidSpecException}): the revision's own input is wrong (parse,
 *       schema, references, a value no key of a complete ring opens). It is not tried again until
 *       the branch moves.
 *   <li><b>retryable</b> ({@link RetryableException} or any other runtime error while loading or
 *       unsealing): the same revision is tried again on the next fetch, which the queue schedules
 *       with backoff. Until it succeeds the report says it is pending and why.
 * </ul>
 *
 * In both cases, and when the fetch fails, the last good revision (if any) keeps being enforced.
 * Each good revision from Git is kept in the cluster ({@link StoredRevisions}); after a restart
 * with nothing good from Git, the stored one is enforced and the errors say so.
 */
public final class Revisions {
  private static final Logger LOG = LoggerFactory.getLogger(Revisions.class);

  private final Supplier<Snapshot> fetch;
  private final Function<Path, Spec> load;
  private final Function<Spec, Unsealed> unseal;
  private final Function<Path, Map<String, String>> sources;
  private final StoredRevisions stored;
  private final Clock clock;
  private final EngineObserver observer;
  private Revision good;
  private Instant unreachableSince;
  private String attempted = "unknown";
  private String settled = "";
  private InvalidSpecException stalled;
  private String retrying;

  /**
   * @param fetch usually {@code GitSource::fetch}
   * @param load usually {@code SpecLoader::load} (throws {@link InvalidSpecException})
   * @param unseal usually {@code Unsealer::unseal} (throws {@link InvalidSpecException}, or {@link
   *     RetryableException} when the key ring is known to be incomplete)
   */
  public Revisions(
      Supplier<Snapshot> fetch, Function<Path, Spec> load, Function<Spec, Unsealed> unseal) {
    this(
        fetch,
        load,
        unseal,
        root -> Map.of(),
        StoredRevisions.none(load, unseal),
        Clock.systemUTC(),
        EngineObserver.NONE);
  }

  /** As above, keeping each good revision's {@code sources} (its spec files) in {@code stored}. */
  Revisions(
      Supplier<Snapshot> fetch,
      Function<Path, Spec> load,
      Function<Spec, Unsealed> unseal,
      Function<Path, Map<String, String>> sources,
      StoredRevisions stored,
      Clock clock,
      EngineObserver observer) {
    this.fetch = fetch;
    this.load = load;
    this.unseal = unseal;
    this.sources = sources;
    this.stored = stored;
    this.clock = clock;
    this.observer = observer;
  }

  /**
   * What to enforce now.
   *
   * @param attempted the newest revision seen
   * @param good the revision to enforce, if any
   * @param errors why the newest revision is not the one enforced (or why fetching failed)
   * @param failure why the newest revision is not applied: an {@link InvalidSpecException}
   *     (stalled) or a {@link RetryableException} (pending a retry)
   */
  record Current(
      String attempted,
      Optional<Revision> good,
      List<String> errors,
      Optional<RuntimeException> failure) {}

  synchronized Current current(boolean refetch) {
    Optional<String> fetchFailure = Optional.empty();
    if (refetch || good == null) {
      try {
        Snapshot snapshot = fetch.get();
        unreachableSince = null;
        advance(snapshot);
      } catch (SourceException e) {
        // GitSource's backoff already logs a failing fetch once per change of state.
        unreachableSince = unreachableSince == null ? clock.instant() : unreachableSince;
        fetchFailure = Optional.of(e.getMessage());
      }
    }
    if (good == null) {
      good = stored.restore().orElse(null);
    }
    observer.enforcing(
        Optional.ofNullable(good).map(Revision::name),
        good != null && good.stored(),
        Optional.ofNullable(unreachableSince));
    List<String> errors = new ArrayList<>(fetchFailure.map(List::of).orElseGet(this::errors));
    if (good != null && good.stored()) {
      errors.add(
          "enforcing stored revision "
              + good.name()
              + (unreachableSince != null
                  ? "; Git unreachable since " + unreachableSince
                  : "; revision " + attempted + " not applied"));
    }
    return new Current(
        attempted,
        Optional.ofNullable(good),
        errors,
        fetchFailure.isPresent() ? Optional.empty() : failure());
  }

  /**
   * Keeps {@code good} in the cluster unless it is kept already (a reconcile's step, never a
   * plan's).
   *
   * @return an error line when it cannot be stored
   */
  Optional<String> keep(Revision good) {
    return stored.keep(good);
  }

  /** The newest revision's problems, when it is invalid (stalled). */
  synchronized Optional<InvalidSpecException> stalled() {
    return Optional.ofNullable(stalled);
  }

  synchronized Optional<Revision> lastGood() {
    return Optional.ofNullable(good);
  }

  private void advance(Snapshot snapshot) {
    String revision = snapshot.revision();
    if (revision.equals(settled)) {
      return;
    }
    attempted = revision;
    try {
      Unsealed unsealed = unseal.apply(load.apply(snapshot.specRoot()));
      Renderer.checkPayloads(unsealed);
      good = new Revision(snapshot, unsealed, sources.apply(snapshot.specRoot()), false);
      settle(revision, null);
      LOG.info("revision {} loaded", revision);
    } catch (InvalidSpecException e) {
      settle(revision, e);
      LOG.warn(
          "revision {} is invalid ({} problems); {}",
          revision,
          e.problems().size(),
          good == null ? "nothing applied" : "still enforcing " + good.name());
    } catch (ThreadDeath death) {
      throw death;
    } catch (RuntimeException | Error e) { // a stack overflow too: never Synced, retried
      stalled = null;
      String why =
          e instanceof RetryableException
              ? e.getMessage()
              : "loading or unsealing failed with an internal error (the agent log names it)";

      if (!why.equals(retrying)) {
        if (!(e instanceof RetryableException)) {
          LOG.error("revision {}: loading or unsealing threw {}", revision, e.getClass().getName());
        }
        LOG.warn(
            "revision {} not applied yet: {}; retrying with backoff{}",
            revision,
            why,
            good == null ? "" : ", still enforcing " + good.name());
      }
      retrying = why;
    }
  }

  private void settle(String revision, InvalidSpecException failure) {
    settled = revision;
    stalled = failure;
    retrying = null;
  }

  private Optional<RuntimeException> failure() {
    if (stalled != null) {
      return Optional.of(stalled);
    }
    return retrying == null
        ? Optional.empty()
        : Optional.of(new RetryableException(String.join("; ", errors())));
  }

  private List<String> errors() {
    if (retrying != null) {
      return List.of("revision " + attempted + " pending: " + retrying + "; retrying with backoff");
    }
    return stalled == null ? List.of() : messages(stalled);
  }

  private List<String> messages(InvalidSpecException e) {
    String prefix = "revision " + attempted + " not applied: ";
    return e.problems().isEmpty()
        ? List.of(prefix + e.getMessage())
        : e.problems().stream().map(Problem::toString).map(p -> prefix + p).toList();
  }
}
