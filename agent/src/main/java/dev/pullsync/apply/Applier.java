package dev.pullsync.apply;

import dev.pullsync.desired.Ref;
import dev.pullsync.live.ClusterView;
import dev.pullsync.plan.Action;
import dev.pullsync.plan.Change;
import dev.pullsync.plan.Kind;
import dev.pullsync.plan.Plan;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The only stage that writes to the cluster. Applies a plan in four phases: Secrets (create,
 * update, adopt), then ServiceAccount links, then unlinks, then Secret deletes, so that a
 * ServiceAccount never points at a Secret not yet written and a Secret is never deleted while still
 * linked by us. Within a phase, objects are written concurrently (bounded by {@link
 * ApplyOptions#concurrency()}) and every request waits its turn under the client-side rate limit
 * ({@link ApplyOptions#qps()}, {@link ApplyOptions#burst()}); one object's failure is recorded and
 * the others go on. Writes start from the view's cached objects, so a write costs one request. A
 * create that finds a foreign Secret of the same name turns into a conflict (or an adoption), and
 * the links to it into conflicts too. Returns one outcome per change, in plan order; an outcome's
 * change is the planned one or, after such a collision, what it turned out to be.
 */
public final class Applier {
  /** How long an apply waits for the informers to deliver its own writes. */
  static final Duration CACHE_WAIT = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(Applier.class);
  private final SecretWriter secrets;
  private final ServiceAccountWriter serviceAccounts;
  private final ClusterView view;
  private final ApplyOptions options;
  private final Throttle throttle;
  private final java.util.concurrent.atomic.AtomicReference<String> lastFailures =
      new java.util.concurrent.atomic.AtomicReference<>("");

  public Applier(KubernetesClient client, ClusterView view, ApplyOptions options) {
    this.throttle = Throttle.of(options);
    FailureLog failures = new FailureLog();
    this.secrets = new SecretWriter(client, view, throttle, options, failures);
    this.serviceAccounts = new ServiceAccountWriter(client, view, throttle, options, failures);
    this.view = view;
    this.options = options;
  }

  /**
   * Allows or stops every request from now on. Stopping (this replica lost its lease) is checked
   * right before each request, so writes still queued or waiting for their turn are not sent, and
   * an apply in progress sends nothing more; its remaining changes fail with the reason.
   */
  public void writesAllowed(boolean allowed) {
    throttle.stop(!allowed);
  }

  /**
   * Writes the plan, then waits (at most {@link #CACHE_WAIT}) until the view's caches hold every
   * write, so that the next reconcile sees them and sends nothing more for them.
   */
  public List<Outcome> apply(Plan plan) {
    Map<Change, Outcome> outcomes = new IdentityHashMap<>();
    List<Change> toApply = plan.toApply();
    if (toApply.isEmpty()) {
      return plan.changes().stream().map(Outcome::unwritten).toList();
    }
    Written written = new Written();
    ExecutorService pool = Executors.newFixedThreadPool(options.concurrency(), Applier::thread);
    try {
      Set<Action> upserts = Set.of(Action.CREATE, Action.UPDATE, Action.REPLACE, Action.ADOPT);
      run(pool, secretTasks(toApply, upserts, written), outcomes);
      List<Change> links = linksToWrittenSecrets(toApply, outcomes);
      run(pool, serviceAccountTasks(links, Set.of(Action.LINK), written), outcomes);
      Set<Action> removals = Set.of(Action.UNLINK, Action.RELEASE);
      run(pool, serviceAccountTasks(toApply, removals, written), outcomes);
      List<Change> deletes = deletesAfterUnlinks(toApply, outcomes);
      run(pool, secretTasks(deletes, Set.of(Action.DELETE), written), outcomes);
    } finally {
      pool.shutdownNow();
    }
    if (!written.isEmpty()
        && !view.awaitWrites(written.secrets, written.serviceAccounts, CACHE_WAIT)) {
      LOG.warn(
          "the informer caches had not seen all of this reconcile's writes after {}", CACHE_WAIT);
    }
    List<Outcome> out = new ArrayList<>();
    for (Change c : plan.changes()) {
      out.add(c.toApply() ? outcomes.get(c) : Outcome.unwritten(c));
    }
    logFailures(FailureSummary.of(out));
    return out;
  }

  /** The summary is a warning when it differs from the last one, else debug (a lasting 403). */
  private void logFailures(Optional<String> summary) {
    String now = summary.orElse("");
    String same = now.replaceFirst("^\\d+ of \\d+ ", ""); // the same failures, whatever else ran
    String before = lastFailures.getAndSet(same);
    if (!now.isEmpty()) {
      if (same.equals(before)) {
        LOG.debug(now);
      } else {
        LOG.warn(now);
      }
    }
  }

  /**
   * The link changes whose Secret is in place. A link to a Secret whose create failed is skipped,
   * so no ServiceAccount points at a missing Secret; a link to a Secret that turned out to be
   * foreign is a conflict, as the planner makes it when it knows of the foreign Secret beforehand.
   */
  private static List<Change> linksToWrittenSecrets(
      List<Change> changes, Map<Change, Outcome> done) {
    Map<Ref, String> failed = new HashMap<>();
    Set<Ref> foreign = new HashSet<>();
    Map<Action, String> writes =
        Map.of(Action.CREATE, "creating", Action.ADOPT, "taking over", Action.REPLACE, "replacing");
    for (Outcome o : done.values()) {
      if (o.status() == Outcome.Status.FAILED && writes.containsKey(o.change().action())) {
        failed.put(o.change().ref(), writes.get(o.change().action()));
      } else if (o.change().kind() == Kind.SECRET && o.change().action() == Action.CONFLICT) {
        foreign.add(o.change().ref());
      }
    }
    List<Change> out = new ArrayList<>();
    for (Change c : changes) {
      Ref secret = new Ref(c.ref().namespace(), c.entry());
      boolean link = c.kind() == Kind.SERVICE_ACCOUNT && c.action() == Action.LINK;
      if (link && failed.containsKey(secret)) {
        String reason = "not linked: " + failed.get(secret) + " the Secret failed";
        done.put(c, new Outcome(c, Outcome.Status.SKIPPED, reason));
      } else if (link && foreign.contains(secret)) {
        String reason = "not linked: the Secret of this name is not managed by pullsync";
        Change conflict =
            new Change(
                Action.CONFLICT,
                c.kind(),
                c.ref(),
                c.pullSecret(),
                c.entry(),
                Optional.empty(),
                c.execution(),
                reason,
                c.secret());
        done.put(c, new Outcome(conflict, Outcome.Status.SKIPPED, reason));
      } else {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * The deletes whose Secret no failed unlink still names: a Secret is never deleted while one of
   * our ServiceAccount entries may still point at it; the next reconcile tries both again.
   */
  private static List<Change> deletesAfterUnlinks(List<Change> changes, Map<Change, Outcome> done) {
    Map<Ref, Ref> failedUnlinks = new HashMap<>();
    for (Outcome o : done.values()) {
      Change c = o.change();
      if (o.status() == Outcome.Status.FAILED && c.action() == Action.UNLINK) {
        failedUnlinks.put(new Ref(c.ref().namespace(), c.entry()), c.ref());
      }
    }
    List<Change> out = new ArrayList<>();
    for (Change c : changes) {
      Ref sa = failedUnlinks.get(c.ref());
      if (c.kind() == Kind.SECRET && c.action() == Action.DELETE && sa != null) {
        String reason =
            "not deleted: removing its entry from ServiceAccount "
                + sa.name()
                + " failed; both are tried again next reconcile";
        done.put(c, new Outcome(c, Outcome.Status.SKIPPED, reason));
      } else {
        out.add(c);
      }
    }
    return out;
  }

  private List<Task> secretTasks(List<Change> changes, Set<Action> actions, Written written) {
    List<Task> tasks = new ArrayList<>();
    for (Change c : changes) {
      if (c.kind() == Kind.SECRET && actions.contains(c.action())) {
        tasks.add(new Task(List.of(c), () -> List.of(secrets.write(c, written))));
      }
    }
    return tasks;
  }

  private List<Task> serviceAccountTasks(
      List<Change> changes, Set<Action> actions, Written written) {
    Map<Ref, List<Change>> bySa = new LinkedHashMap<>();
    for (Change c : changes) {
      if (c.kind() == Kind.SERVICE_ACCOUNT && actions.contains(c.action())) {
        bySa.computeIfAbsent(c.ref(), r -> new ArrayList<>()).add(c);
      }
    }
    List<Task> tasks = new ArrayList<>();
    bySa.forEach(
        (sa, group) -> tasks.add(new Task(group, () -> serviceAccounts.write(sa, group, written))));
    return tasks;
  }

  /** Planned changes and the write that returns one outcome for each, in the same order. */
  private record Task(List<Change> changes, Callable<List<Outcome>> write) {}

  private static void run(ExecutorService pool, List<Task> tasks, Map<Change, Outcome> outcomes) {
    try {
      List<Future<List<Outcome>>> futures =
          pool.invokeAll(inLogContext(tasks.stream().map(Task::write).toList()));
      for (int t = 0; t < tasks.size(); t++) {
        List<Outcome> results = futures.get(t).get();
        for (int i = 0; i < results.size(); i++) {
          outcomes.put(tasks.get(t).changes().get(i), results.get(i));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("apply interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("apply task failed unexpectedly", e.getCause());
    }
  }

  /** Carries the caller's log context (run id, revision) into the pool's threads. */
  private static List<Callable<List<Outcome>>> inLogContext(List<Callable<List<Outcome>>> tasks) {
    Map<String, String> context = MDC.getCopyOfContextMap();
    if (context == null) {
      return tasks;
    }
    List<Callable<List<Outcome>>> wrapped = new ArrayList<>();
    for (Callable<List<Outcome>> task : tasks) {
      wrapped.add(
          () -> {
            MDC.setContextMap(context);
            try {
              return task.call();
            } finally {
              MDC.clear();
            }
          });
    }
    return wrapped;
  }

  private static Thread thread(Runnable r) {
    Thread t = new Thread(r, "pullsync-apply");
    t.setDaemon(true);
    return t;
  }
}
