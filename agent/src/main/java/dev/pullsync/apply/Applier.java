package dev.pullsync.apply;

import dev.pullsync.desired.Ref;
import dev.pullsync.plan.Action;
import dev.pullsync.plan.Change;
import dev.pullsync.plan.Kind;
import dev.pullsync.plan.Plan;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.MDC;

/**
 * The only stage that writes to the cluster. Applies a plan in four phases: Secrets (create,
 * update, adopt), then ServiceAccount links, then unlinks, then Secret deletes, so that a
 * ServiceAccount never points at a Secret not yet written and a Secret is never deleted while still
 * linked by us. Within a phase, objects are written concurrently (bounded); one object's failure is
 * recorded and the others go on. Returns one outcome per change, in plan order.
 */
public final class Applier {
  private final SecretWriter secrets;
  private final ServiceAccountWriter serviceAccounts;
  private final ApplyOptions options;

  public Applier(KubernetesClient client, ApplyOptions options) {
    this.secrets = new SecretWriter(client);
    this.serviceAccounts = new ServiceAccountWriter(client, options);
    this.options = options;
  }

  public List<Outcome> apply(Plan plan) {
    Map<Change, Outcome> outcomes = new IdentityHashMap<>();
    List<Change> toApply = plan.toApply();
    ExecutorService pool = Executors.newFixedThreadPool(options.concurrency(), Applier::thread);
    try {
      run(pool, secretTasks(toApply, Set.of(Action.CREATE, Action.UPDATE, Action.ADOPT)), outcomes);
      List<Change> links = linksToWrittenSecrets(toApply, outcomes);
      run(pool, serviceAccountTasks(links, Action.LINK), outcomes);
      run(pool, serviceAccountTasks(toApply, Action.UNLINK), outcomes);
      run(pool, secretTasks(toApply, Set.of(Action.DELETE)), outcomes);
    } finally {
      pool.shutdownNow();
    }
    List<Outcome> out = new ArrayList<>();
    for (Change c : plan.changes()) {
      out.add(c.toApply() ? outcomes.get(c) : Outcome.unwritten(c));
    }
    return out;
  }

  /**
   * The link changes whose Secret is in place; a link to a Secret whose create failed is skipped
   * (recorded), so no ServiceAccount points at a missing Secret.
   */
  private static List<Change> linksToWrittenSecrets(
      List<Change> changes, Map<Change, Outcome> done) {
    Set<Ref> failed = new java.util.HashSet<>();
    done.values().stream()
        .filter(o -> o.status() == Outcome.Status.FAILED && o.change().action() == Action.CREATE)
        .forEach(o -> failed.add(o.change().ref()));
    List<Change> out = new ArrayList<>();
    for (Change c : changes) {
      Ref secret = new Ref(c.ref().namespace(), c.entry());
      if (c.kind() == Kind.SERVICE_ACCOUNT
          && c.action() == Action.LINK
          && failed.contains(secret)) {
        done.put(
            c, new Outcome(c, Outcome.Status.SKIPPED, "not linked: creating the Secret failed"));
      } else {
        out.add(c);
      }
    }
    return out;
  }

  private List<Callable<List<Outcome>>> secretTasks(List<Change> changes, Set<Action> actions) {
    List<Callable<List<Outcome>>> tasks = new ArrayList<>();
    for (Change c : changes) {
      if (c.kind() == Kind.SECRET && actions.contains(c.action())) {
        tasks.add(() -> List.of(secrets.write(c)));
      }
    }
    return tasks;
  }

  private List<Callable<List<Outcome>>> serviceAccountTasks(List<Change> changes, Action action) {
    Map<Ref, List<Change>> bySa = new LinkedHashMap<>();
    for (Change c : changes) {
      if (c.kind() == Kind.SERVICE_ACCOUNT && c.action() == action) {
        bySa.computeIfAbsent(c.ref(), r -> new ArrayList<>()).add(c);
      }
    }
    List<Callable<List<Outcome>>> tasks = new ArrayList<>();
    bySa.forEach((sa, group) -> tasks.add(() -> serviceAccounts.write(sa, group)));
    return tasks;
  }

  private static void run(
      ExecutorService pool, List<Callable<List<Outcome>>> tasks, Map<Change, Outcome> outcomes) {
    try {
      for (Future<List<Outcome>> f : pool.invokeAll(inLogContext(tasks))) {
        for (Outcome o : f.get()) {
          outcomes.put(o.change(), o);
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
