package dev.pullsync.testkit;

import dev.pullsync.apply.Applier;
import dev.pullsync.apply.ApplyOptions;
import dev.pullsync.check.LoginGate;
import dev.pullsync.desired.Instance;
import dev.pullsync.live.ClusterView;
import dev.pullsync.plan.Plan;
import dev.pullsync.plan.Planner;
import dev.pullsync.plan.Policy;
import dev.pullsync.reconcile.Reconciler;
import dev.pullsync.reconcile.Revisions;
import dev.pullsync.reconcile.Trigger;
import dev.pullsync.report.PublishResult;
import dev.pullsync.report.Report;
import dev.pullsync.report.Reporter;
import dev.pullsync.source.GitSource;
import dev.pullsync.source.SourceOptions;
import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.Location;
import dev.pullsync.spec.Problem;
import dev.pullsync.spec.Spec;
import dev.pullsync.unseal.Unsealed;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * The engine wired as in production (real Git repository, GitSource, ClusterView, Planner, Applier)
 * against a {@link MockCluster}, with hand-built specs: each {@link #commit} writes a real commit
 * whose {@code spec-id} file selects the spec the loader returns, so revisions really change.
 */
public final class TestEngine implements AutoCloseable {
  /** The instance every test engine runs as (the default of namespace pullsync, test-cluster). */
  public static final Instance INSTANCE = Instance.derived("pullsync", "test-cluster");

  private final Path repo;
  private final Map<String, Fixtures> specs = new HashMap<>();
  private final Map<Spec, Unsealed> unsealed = new HashMap<>();
  private final ClusterView view;
  private final Reconciler reconciler;
  private final List<Report> published = new ArrayList<>();
  private int next;
  private RuntimeException unsealFault;

  public TestEngine(MockCluster cluster, Path tmp, Policy policy) {
    this(cluster, tmp, policy, LoginGate.disabled());
  }

  /** An engine that checks new registry credentials with {@code logins} before rollout. */
  public TestEngine(MockCluster cluster, Path tmp, Policy policy, LoginGate logins) {
    this(
        cluster.client(),
        tmp,
        policy,
        logins,
        new ApplyOptions(4, 5, Duration.ofMillis(5)),
        INSTANCE,
        Duration.ofMinutes(30));
  }

  /** An engine running as {@code instance} (two of them can share one cluster). */
  public TestEngine(
      MockCluster cluster, Path tmp, Policy policy, LoginGate logins, Instance instance) {
    this(
        cluster.client(),
        tmp,
        policy,
        logins,
        new ApplyOptions(4, 5, Duration.ofMillis(5)),
        instance,
        Duration.ofMinutes(30));
  }

  /** An engine with its own client (e.g. one of two replicas) and applier options. */
  public TestEngine(KubernetesClient client, Path tmp, ApplyOptions apply) {
    this(
        client,
        tmp,
        Policy.defaults(),
        LoginGate.disabled(),
        apply,
        INSTANCE,
        Duration.ofMinutes(30));
  }

  /** An engine whose cluster view re-lists every {@code resyncInterval}. */
  public TestEngine(MockCluster cluster, Path tmp, Duration resyncInterval) {
    this(
        cluster.client(),
        tmp,
        Policy.defaults(),
        LoginGate.disabled(),
        new ApplyOptions(4, 5, Duration.ofMillis(5)),
        INSTANCE,
        resyncInterval);
  }

  private TestEngine(
      KubernetesClient client,
      Path tmp,
      Policy policy,
      LoginGate logins,
      ApplyOptions apply,
      Instance instance,
      Duration resyncInterval) {
    this.repo = tmp.resolve("repo");
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      // an empty repository; the first commit comes from the test
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
    GitSource source =
        new GitSource(
            SourceOptions.local(repo.toString(), "main", "").withWorkDir(tmp.resolve("work")),
            Clock.systemUTC());
    view =
        new ClusterView(
            client, Duration.ofSeconds(10), instance, resyncInterval, Clock.systemUTC());
    Revisions revisions = new Revisions(source::fetch, this::load, this::unseal);
    Reporter publisher =
        r -> {
          published.add(r);
          return new PublishResult(
              PublishResult.Outcome.DISABLED, java.util.Optional.empty(), 0, "test");
        };
    reconciler =
        new Reconciler(
            revisions,
            view,
            new Planner(policy, instance),
            new Applier(client, view, apply),
            publisher,
            "test-cluster",
            instance,
            Clock.systemUTC(),
            logins);
  }

  public TestEngine(MockCluster cluster, Path tmp) {
    this(cluster, tmp, Policy.defaults());
  }

  /** Commits a revision whose spec is {@code f}. */
  public TestEngine commit(Fixtures f) {
    String id = "spec-" + next++;
    specs.put(id, f);
    unsealed.put(f.build(), f.unsealed());
    return write(id);
  }

  /** Commits a revision whose spec fails to load. */
  public TestEngine commitInvalid() {
    String id = "invalid-" + next++;
    specs.put(id, null);
    return write(id);
  }

  private TestEngine write(String id) {
    try (Git git = Git.open(repo.toFile())) {
      Files.writeString(repo.resolve("spec-id"), id);
      git.add().addFilepattern("spec-id").call();
      git.commit().setMessage(id).setSign(false).call();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The next unseal throws {@code fault} (a runtime error in the unseal stage), once. */
  public TestEngine failNextUnseal(RuntimeException fault) {
    unsealFault = fault;
    return this;
  }

  private Unsealed unseal(Spec spec) {
    RuntimeException fault = unsealFault;
    unsealFault = null;
    if (fault != null) {
      throw fault;
    }
    return unsealed.get(spec);
  }

  private Spec load(Path root) {
    try {
      String id = Files.readString(root.resolve("spec-id")).trim();
      Fixtures f = specs.get(id);
      if (f == null) {
        throw new InvalidSpecException(
            List.of(new Problem(new Location("pullsecrets.yaml", 3), "spec.namespaces", "broken")));
      }
      return f.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Report runOnce() {
    return reconciler.run(Trigger.full("test"));
  }

  public Report run(Trigger trigger) {
    return reconciler.run(trigger);
  }

  public Plan plan() {
    return reconciler.plan(Trigger.full("plan"));
  }

  /** Waits until the informer caches show namespace {@code name} with ServiceAccount {@code sa}. */
  public void awaitServiceAccount(String namespace, String sa) {
    view.start();
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> view.inventory().serviceAccountsIn(namespace).contains(sa));
  }

  public Reconciler reconciler() {
    return reconciler;
  }

  public ClusterView view() {
    return view;
  }

  public List<Report> published() {
    return List.copyOf(published);
  }

  @Override
  public void close() {
    view.close();
  }
}
