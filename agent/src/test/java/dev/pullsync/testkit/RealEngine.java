package dev.pullsync.testkit;

import dev.pullsync.apply.ApplyOptions;
import dev.pullsync.check.LoginSettings;
import dev.pullsync.desired.Instance;
import dev.pullsync.plan.Policy;
import dev.pullsync.reconcile.Engine;
import dev.pullsync.reconcile.EngineObserver;
import dev.pullsync.reconcile.EngineSettings;
import dev.pullsync.report.Reporter;
import dev.pullsync.source.SourceOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The production {@link Engine} as {@code pullsync run} opens it (real GitSource, SpecLoader,
 * Unsealer with the public demo key, cluster state store), on a local repository and a {@link
 * MockCluster}: open one, close it and open another on the same cluster to restart the agent. Each
 * open takes its own work directory, as a restarted pod starts with an empty one. Registry logins
 * are off (nothing is dialled).
 */
public final class RealEngine {
  public static final String CLUSTER = "test";
  public static final String AGENT_NAMESPACE = "pullsync";
  public static final String INSTANCE = Instance.derived(AGENT_NAMESPACE, CLUSTER).name();
  public static final Path DEMO_KEY = Path.of("..", "examples", "demo-key", "tls.key");

  private RealEngine() {}

  public static Engine open(
      MockCluster cluster, Path repo, Path work, Clock clock, EngineObserver observer) {
    return Engine.open(
        settings(repo, work, List.of(DEMO_KEY)),
        cluster.patientClient(),
        Reporter.disabled(),
        clock,
        observer);
  }

  /** As above, with these key files instead of the demo key. */
  public static Engine open(MockCluster cluster, Path repo, Path work, List<Path> keys) {
    return Engine.open(
        settings(repo, work, keys),
        cluster.patientClient(),
        Reporter.disabled(),
        Clock.systemUTC(),
        EngineObserver.NONE);
  }

  public static EngineSettings settings(Path repo, Path work, List<Path> keys) {
    return new EngineSettings(
        SourceOptions.local(repo.toString(), "main", "").withWorkDir(work),
        CLUSTER,
        AGENT_NAMESPACE,
        keys,
        false,
        "kube-system",
        Policy.defaults(),
        ApplyOptions.defaults(),
        Duration.ofSeconds(60), // outwaits the mock draining a closed watch (MockCluster)
        new LoginSettings(false),
        INSTANCE);
  }
}
