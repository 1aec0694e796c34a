package dev.pullsync.reconcile;

import dev.pullsync.desired.Desired;
import dev.pullsync.plan.Plan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The last full reconcile's render and plan, and what they were made from: the revision and the
 * hash of the view's caches ({@link dev.pullsync.live.ClusterView#contentHash}). A full reconcile
 * whose revision and caches are unchanged reuses them, so a scheduled tick on a quiet cluster costs
 * a walk over the caches' keys instead of rendering, copying and diffing every namespace. Any
 * informer event, re-list correction or foreign Secret learned changes the hash and the next full
 * reconcile plans afresh; so does every reconcile at least {@link #FRESH_EVERY} after the last
 * fresh plan (the safety net, which also runs the foreign Secrets' hourly re-check). Namespace
 * triggers always plan afresh and are not kept.
 */
final class LastPlan {
  /** The longest a plan is reused. */
  static final Duration FRESH_EVERY = Duration.ofMinutes(10);

  /** One render and its plan. */
  record Planned(Desired desired, Plan plan) {}

  private record Made(Revision revision, long contentHash, Instant at, Planned planned) {}

  private final LongSupplier contentHash;
  private final Clock clock;
  private Made last;

  /**
   * @param contentHash usually {@code ClusterView::contentHash}, read before planning
   */
  LastPlan(LongSupplier contentHash, Clock clock) {
    this.contentHash = contentHash;
    this.clock = clock;
  }

  /** The plan for {@code good}: the last one while nothing changed, else {@code fresh}'s. */
  synchronized Planned plan(Revision good, Trigger trigger, Supplier<Planned> fresh) {
    if (!trigger.isFull()) {
      return fresh.get();
    }
    long hash = contentHash.getAsLong(); // before planning: a change meanwhile means a new plan
    Instant now = clock.instant();
    Made known = last;
    if (known != null
        && known.revision() == good
        && known.contentHash() == hash
        && now.isBefore(known.at().plus(FRESH_EVERY))) {
      return known.planned();
    }
    Planned planned = fresh.get();
    last = new Made(good, hash, now, planned);
    return planned;
  }
}
