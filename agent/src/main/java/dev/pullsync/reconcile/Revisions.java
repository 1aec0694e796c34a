package dev.pullsync.reconcile;

import dev.pullsync.desired.Inventory;
import dev.pullsync.desired.Renderer;
import dev.pullsync.source.Snapshot;
import dev.pullsync.source.SourceException;
import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.Problem;
import dev.pullsync.spec.Spec;
import dev.pullsync.unseal.Unsealed;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches, loads and unseals revisions, and remembers the last good one. A revision that fails to
 * parse, validate, unseal or render is stalled: it is not retried until the branch moves, and the
 * last good revision (if any in this process) keeps being enforced. A failed fetch also keeps the
 * last good revision in force.
 */
public final class Revisions {
  private static final Logger LOG = LoggerFactory.getLogger(Revisions.class);

  private final Supplier<Snapshot> fetch;
  private final Function<Path, Spec> load;
  private final Function<Spec, Unsealed> unseal;
  private Revision good;
  private String attempted = "unknown";
  private InvalidSpecException stalled;

  /**
   * @param fetch usually {@code GitSource::fetch}
   * @param load usually {@code SpecLoader::load} (throws {@link InvalidSpecException})
   * @param unseal usually {@code Unsealer::unseal} (throws {@link InvalidSpecException})
   */
  public Revisions(
      Supplier<Snapshot> fetch, Function<Path, Spec> load, Function<Spec, Unsealed> unseal) {
    this.fetch = fetch;
    this.load = load;
    this.unseal = unseal;
  }

  /**
   * What to enforce now.
   *
   * @param attempted the newest revision seen
   * @param good the revision to enforce, if any
   * @param errors why the newest revision is not the one enforced (or why fetching failed)
   * @param failure the stalled revision's exception, when the newest revision is invalid
   */
  record Current(
      String attempted,
      Optional<Revision> good,
      List<String> errors,
      Optional<InvalidSpecException> failure) {}

  synchronized Current current(boolean refetch) {
    if (refetch || good == null) {
      try {
        advance(fetch.get());
      } catch (SourceException e) {
        // GitSource's backoff already logs a failing fetch once per change of state.
        return new Current(
            attempted, Optional.ofNullable(good), List.of(e.getMessage()), Optional.empty());
      }
    }
    List<String> errors = stalled == null ? List.of() : messages(stalled);
    return new Current(attempted, Optional.ofNullable(good), errors, Optional.ofNullable(stalled));
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
    if (revision.equals(attempted) && (stalled != null || good != null)) {
      return;
    }
    attempted = revision;
    try {
      Unsealed unsealed = unseal.apply(load.apply(snapshot.specRoot()));
      new Renderer().render(unsealed, new Inventory(List.of(), Map.of()), revision);
      good = new Revision(snapshot, unsealed);
      stalled = null;
      LOG.info("revision {} loaded", revision);
    } catch (InvalidSpecException e) {
      stalled = e;
      LOG.warn(
          "revision {} is invalid ({} problems); {}",
          revision,
          e.problems().size(),
          good == null ? "nothing applied" : "still enforcing " + good.name());
    }
  }

  private List<String> messages(InvalidSpecException e) {
    String prefix = "revision " + attempted + " not applied: ";
    return e.problems().isEmpty()
        ? List.of(prefix + e.getMessage())
        : e.problems().stream().map(Problem::toString).map(p -> prefix + p).toList();
  }
}
