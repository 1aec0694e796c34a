package dev.pullsync.reconcile;

import dev.pullsync.apply.ApplyOptions;
import dev.pullsync.check.LoginSettings;
import dev.pullsync.desired.Instance;
import dev.pullsync.plan.Policy;
import dev.pullsync.source.SourceOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to build the engine, resolved from flags and the agent configuration (flags
 * win). The {@code cli} builds it; {@code pullsync run} (long-running) and {@code demo} reuse it.
 *
 * @param cluster the cluster name used in reports
 * @param agentNamespace the agent's own namespace (sealing scope), default {@code pullsync}
 * @param keys PEM key files, key Secrets or key backup lists
 * @param keysFromCluster also read the sealed-secrets controller's key Secrets
 * @param keysNamespace the sealed-secrets controller's namespace (default {@code kube-system})
 * @param syncTimeout how long to wait for the informer caches' first list
 * @param logins whether new registry credentials are logged in with before rollout
 * @param instance this agent's ownership identity (a label value; see {@code desired.Instance}),
 *     shown in every report
 * @param resyncInterval how often the cluster caches are re-listed ({@code
 *     kubernetes.resyncInterval})
 * @param resealPush whether values sealed with an older key are pushed re-sealed to a branch
 *     ({@code reseal.pushBranch}), and the commit author (the report's)
 */
public record EngineSettings(
    SourceOptions source,
    String cluster,
    String agentNamespace,
    List<Path> keys,
    boolean keysFromCluster,
    String keysNamespace,
    Policy policy,
    ApplyOptions apply,
    Duration syncTimeout,
    LoginSettings logins,
    String instance,
    Duration resyncInterval,
    ResealPush resealPush) {
  public EngineSettings {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(agentNamespace, "agentNamespace");
    keys = List.copyOf(keys);
    Objects.requireNonNull(keysNamespace, "keysNamespace");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(apply, "apply");
    Objects.requireNonNull(syncTimeout, "syncTimeout");
    Objects.requireNonNull(logins, "logins");
    new Instance(instance);
    Objects.requireNonNull(resyncInterval, "resyncInterval");
    Objects.requireNonNull(resealPush, "resealPush");
  }

  /**
   * {@code reseal.pushBranch}: push re-sealed values to {@code pullsync/reseal-<key id>}.
   *
   * @param authorName commit author and committer, as for report commits
   */
  public record ResealPush(boolean enabled, String authorName, String authorEmail) {
    /** Off. */
    public static final ResealPush OFF = new ResealPush(false, "pullsync", "pullsync@localhost");

    public ResealPush {
      Objects.requireNonNull(authorName, "authorName");
      Objects.requireNonNull(authorEmail, "authorEmail");
    }
  }

  /** With the default resync interval (30 minutes) and no re-seal branch. */
  public EngineSettings(
      SourceOptions source,
      String cluster,
      String agentNamespace,
      List<Path> keys,
      boolean keysFromCluster,
      String keysNamespace,
      Policy policy,
      ApplyOptions apply,
      Duration syncTimeout,
      LoginSettings logins,
      String instance) {
    this(
        source,
        cluster,
        agentNamespace,
        keys,
        keysFromCluster,
        keysNamespace,
        policy,
        apply,
        syncTimeout,
        logins,
        instance,
        Duration.ofMinutes(30),
        ResealPush.OFF);
  }

  /** The same settings with {@code push} for values sealed with an older key. */
  public EngineSettings withResealPush(ResealPush push) {
    return with(source, push);
  }

  /** The same settings for a command that reconciles or plans once and exits. */
  public EngineSettings oneShot() {
    return with(source.asOneShot(), resealPush);
  }

  /** A copy with the two settings that vary replaced: one place that lists every field. */
  private EngineSettings with(SourceOptions source, ResealPush resealPush) {
    return new EngineSettings(
        source,
        cluster,
        agentNamespace,
        keys,
        keysFromCluster,
        keysNamespace,
        policy,
        apply,
        syncTimeout,
        logins,
        instance,
        resyncInterval,
        resealPush);
  }
}
