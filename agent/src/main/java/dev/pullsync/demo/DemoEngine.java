package dev.pullsync.demo;

import dev.pullsync.apply.ApplyOptions;
import dev.pullsync.check.LoginSettings;
import dev.pullsync.desired.Instance;
import dev.pullsync.plan.Policy;
import dev.pullsync.reconcile.Engine;
import dev.pullsync.reconcile.EngineObserver;
import dev.pullsync.reconcile.EngineSettings;
import dev.pullsync.report.PublisherSettings;
import dev.pullsync.report.ReportPublisher;
import dev.pullsync.report.ReportTarget;
import dev.pullsync.source.GitAuth;
import dev.pullsync.source.SourceOptions;
import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.spec.SpecLoader;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The production {@link Engine}, opened on demo settings: the throwaway repository as the source
 * (the report written back to its {@code pullsync-status} branch), the demo key, the demo cluster,
 * and the login check pointed at the demo's in-process registry on loopback ({@code
 * checks.endpoints}: every server the example names is served there), never at the example's own
 * address.
 */
final class DemoEngine {
  static final String CLUSTER = "demo";
  static final String AGENT_NAMESPACE = "pullsync";

  private DemoEngine() {}

  /** The registry servers the example names (never dialled: the demo serves them on loopback). */
  static List<String> servers(Path repo) {
    return new SpecLoader().load(repo).registries().stream().map(RegistrySpec::server).toList();
  }

  static Engine open(
      KubernetesClient client,
      Path repo,
      Path key,
      Path work,
      Clock clock,
      EngineObserver observer,
      String localRegistry) {
    Map<String, String> endpoints = new TreeMap<>();
    servers(repo).forEach(server -> endpoints.put(server, localRegistry));
    EngineSettings settings =
        new EngineSettings(
            SourceOptions.local(repo.toString(), "main", "").withWorkDir(work.resolve("clone")),
            CLUSTER,
            AGENT_NAMESPACE,
            List.of(key),
            false,
            "kube-system",
            Policy.defaults(),
            ApplyOptions.defaults(),
            Duration.ofSeconds(30),
            new LoginSettings(true, endpoints),
            Instance.derived(AGENT_NAMESPACE, CLUSTER).name());
    ReportPublisher publisher =
        new ReportPublisher(
            PublisherSettings.defaults(
                ReportTarget.onStatusBranch(repo.toString()), work.resolve("report")),
            GitAuth.none(),
            clock,
            new SecureRandom());
    return Engine.open(settings, client, publisher, clock, observer);
  }
}
