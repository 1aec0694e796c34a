package dev.pullsync.reconcile;

import dev.pullsync.apply.Applier;
import dev.pullsync.apply.Outcome;
import dev.pullsync.check.HeldBack;
import dev.pullsync.check.ImageGate;
import dev.pullsync.check.LoginGate;
import dev.pullsync.desired.Desired;
import dev.pullsync.desired.Instance;
import dev.pullsync.desired.Inventory;
import dev.pullsync.desired.Ref;
import dev.pullsync.desired.Renderer;
import dev.pullsync.desired.SourceDigest;
import dev.pullsync.live.ClusterListing;
import dev.pullsync.live.ClusterUnavailableException;
import dev.pullsync.live.ClusterView;
import dev.pullsync.plan.Action;
import dev.pullsync.plan.Change;
import dev.pullsync.plan.Kind;
import dev.pullsync.plan.Plan;
import dev.pullsync.plan.Planner;
import dev.pullsync.report.Report;
import dev.pullsync.report.Reporter;
import dev.pullsync.source.SourceException;
import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.Spec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One reconcile, top to bottom: fetch, load, unseal (in {@link Revisions}), then render, snapshot,
 * plan, apply and report. A revision that fails to load or unseal applies nothing; the last good
 * one keeps being enforced and the report says why. Namespace triggers reuse the current revision
 * and reconcile only their namespaces; their reports are returned but not published, since the
 * written report always describes the whole cluster (the next full reconcile writes it).
 */
public final class Reconciler implements ReconcileRunner {
  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

  private final Revisions revisions;
  private final ClusterView cluster;
  private final Planner planner;
  private final Applier applier;
  private final Reporter publisher;
  private final String clusterName;
  private final Instance instance;
  private final Clock clock;
  private final LoginGate logins;
  private final Renderer renderer;
  private final TugOfWar tugOfWar = new TugOfWar();
  private final ResealPusher reseal;

  /** What the last full reconcile rendered per Secret, for the inventory's source digests. */
  private Supplier<Map<Ref, ClusterListing.Rendered>> rendered = Map::of; // made when published

  private final LastPlan lastPlan;

  public Reconciler(
      Revisions revisions,
      ClusterView cluster,
      Planner planner,
      Applier applier,
      Reporter publisher,
      String clusterName,
      Instance instance,
      Clock clock) {
    this(
        revisions,
        cluster,
        planner,
        applier,
        publisher,
        clusterName,
        instance,
        clock,
        LoginGate.disabled());
  }

  /** As above, checking new registry credentials with {@code logins} before they roll out. */
  public Reconciler(
      Revisions revisions,
      ClusterView cluster,
      Planner planner,
      Applier applier,
      Reporter publisher,
      String clusterName,
      Instance instance,
      Clock clock,
      LoginGate logins) {
    this(
        revisions,
        cluster,
        planner,
        applier,
        publisher,
        clusterName,
        instance,
        clock,
        logins,
        ResealPusher.OFF);
  }

  /** As above, offering values sealed with an older key re-sealed on a branch ({@code reseal}). */
  Reconciler(
      Revisions revisions,
      ClusterView cluster,
      Planner planner,
      Applier applier,
      Reporter publisher,
      String clusterName,
      Instance instance,
      Clock clock,
      LoginGate logins,
      ResealPusher reseal) {
    this.reseal = reseal;
    this.instance = instance;
    this.renderer = new Renderer(instance);
    this.logins = logins;
    this.revisions = revisions;
    this.cluster = cluster;
    this.planner = planner;
    this.applier = applier;
    this.publisher = publisher;
    this.clusterName = clusterName;
    this.clock = clock;
    this.lastPlan = new LastPlan(cluster::contentHash, clock);
  }

  @Override
  public synchronized Report run(Trigger trigger) {
    Report report = reconcile(trigger);
    if (trigger.isFull()) {
      publish(report);
    }
    LOG.info(
        "reconcile ({}) of {}: {} {}",
        trigger.reason(),
        report.revision(),
        report.result().display(),
        report.errors().isEmpty() ? "" : String.join("; ", report.errors()));
    return report;
  }

  /**
   * Publishes a full reconcile's report, with the cluster's inventory from the caches; a failed
   * reconcile (perhaps for want of the cluster) publishes the report alone.
   */
  private void publish(Report report) {
    if (report.result() == Report.Result.FAILED || !publisher.keepsInventory()) {
      publisher.publish(report);
      return;
    }
    try {
      publisher.publish(report, cluster.listing().withSourceDigests(rendered.get()));
    } catch (ClusterUnavailableException e) {
      publisher.publish(report);
    }
  }

  @Override
  public void writesAllowed(boolean allowed) {
    applier.writesAllowed(allowed); // not synchronized: it must act while a run is in progress
  }

  /**
   * The newest revision's problems when it failed to load, validate or unseal (it is then not
   * applied; the last good revision, if any, is enforced instead).
   */
  public Optional<InvalidSpecException> invalidRevision() {
    return revisions.stalled();
  }

  /** What a reconcile would do, writing nothing (for {@code pullsync plan}). */
  public synchronized Plan plan(Trigger trigger) {
    Revisions.Current current = revisions.current(trigger.fetch());
    if (current.failure().isPresent()) {
      throw current.failure().get(); // stalled or pending: the plan would not be the newest's
    }
    if (current.good().isEmpty() || current.good().get().stored()) {
      throw new SourceException(String.join("; ", current.errors())); // a plan is of Git's head
    }
    Revision good = current.good().get();
    Desired desired = render(good, trigger);
    Plan plan = planner.plan(desired, cluster.snapshotWithLookups(desired));
    return plan.withRegistries(LoginReport.forPlan(logins, good, plan));
  }

  private Report reconcile(Trigger trigger) {
    List<String> errors = new ArrayList<>();
    String attempted = "unknown";
    try {
      Revisions.Current current = revisions.current(trigger.fetch());
      attempted = current.attempted();
      MDC.put("revision", attempted); // every further log line of this run names it
      errors.addAll(current.errors());
      if (current.good().isEmpty()) {
        return ReportAssembler.build(
            clusterName,
            instance.name(),
            attempted,
            Optional.empty(),
            Optional.empty(),
            List.of(),
            errors,
            clock.instant());
      }
      Revision good = current.good().get();
      revisions.keep(good).ifPresent(errors::add); // the cluster's copy, for restarts
      LastPlan.Planned planned = lastPlan.plan(good, trigger, () -> freshPlan(good, trigger));
      Desired desired = planned.desired();
      Plan plan = planned.plan();
      if (trigger.isFull()) {
        Spec spec = good.unsealed().spec();
        rendered =
            () ->
                ClusterListing.Rendered.of(desired, SourceDigest.all(spec), unchangedSecrets(plan));
      }
      errors.addAll(plan.errors());
      Map<String, LoginGate.Checked> verdicts = logins.verdicts(good.unsealed(), good.name());
      Map<String, List<ImageGate.Checked>> images = logins.images(good.unsealed());
      RolloutHold hold =
          RolloutHold.of(plan, good.unsealed().spec(), HeldBack.reasons(verdicts, images));
      List<Outcome> applied = new ArrayList<>(applier.apply(hold.plan()));
      applied.addAll(hold.held());
      List<Outcome> outcomes = tugOfWar.note(applied);
      cluster.rememberForeign(foreignSecrets(outcomes));
      return ReportAssembler.build(
              clusterName,
              instance.name(),
              attempted,
              Optional.of(good.name()),
              Optional.of(desired),
              outcomes,
              errors,
              clock.instant())
          .withNotices(good.unsealed().keyAge().notices())
          .withNotices(trigger.isFull() ? reseal.notices(good) : List.of())
          .withRegistries(LoginReport.of(verdicts, images));
    } catch (SourceException | ClusterUnavailableException e) {
      errors.add(e.getMessage());
      return ReportAssembler.build(
          clusterName,
          instance.name(),
          attempted,
          revisions.lastGood().map(Revision::name),
          Optional.empty(),
          List.of(),
          errors,
          clock.instant());
    }
  }

  private LastPlan.Planned freshPlan(Revision good, Trigger trigger) {
    Desired desired = render(good, trigger);
    return new LastPlan.Planned(desired, planner.plan(desired, cluster.snapshot(desired)));
  }

  private Desired render(Revision good, Trigger trigger) {
    Optional<Set<String>> scope =
        trigger.isFull() ? Optional.empty() : Optional.of(trigger.namespaces());
    Inventory inventory = cluster.inventory(scope);
    return renderer.render(good.unsealed(), inventory, good.name(), scope);
  }

  /** The Secrets the plan found holding their desired data already (no write needed). */
  private static Set<Ref> unchangedSecrets(Plan plan) {
    return plan.changes().stream()
        .filter(c -> c.kind() == Kind.SECRET && c.action() == Action.NOOP)
        .map(Change::ref)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** Secrets the applier found to be foreign, so the next snapshots plan them as conflicts. */
  private static List<Ref> foreignSecrets(List<Outcome> outcomes) {
    return outcomes.stream()
        .map(Outcome::change)
        .filter(c -> c.kind() == Kind.SECRET && c.action() == Action.CONFLICT)
        .map(Change::ref)
        .toList();
  }
}
