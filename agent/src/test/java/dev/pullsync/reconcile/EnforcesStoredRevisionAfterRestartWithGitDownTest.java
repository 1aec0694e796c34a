package dev.pullsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.demo.DemoRepository;
import dev.pullsync.http.AgentMetrics;
import dev.pullsync.live.SecretStateStore;
import dev.pullsync.report.Report;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.RealEngine;
import dev.pullsync.testkit.TestClock;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last good revision survives a restart: the engine stores it in the agent's namespace (sealed
 * values only), and a new engine opened on the same cluster while Git is unreachable enforces it
 * (drift repaired, new namespaces covered), saying so in the report and metrics, until Git answers
 * again.
 */
class EnforcesStoredRevisionAfterRestartWithGitDownTest {
  private static final String PASSWORD = "Harbor12345"; // the demo example's sealed password

  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void aRestartWithGitDownEnforcesTheStoredRevision() throws Exception {
    // what the Kubeflow example targets: a profile's two ServiceAccounts, and kubeflow itself
    cluster
        .namespace("kubeflow")
        .namespace("user-example-com")
        .serviceAccount("user-example-com", "default")
        .serviceAccount("user-example-com", "default-editor");
    Path repo = DemoRepository.create("kubeflow-harbor", tmp.resolve("repo"));
    String first;
    try (Engine engine =
        RealEngine.open(
            cluster, repo, tmp.resolve("work-1"), Clock.systemUTC(), EngineObserver.NONE)) {
      Report report = engine.reconciler().run(Trigger.full("startup"));
      assertThat(report.result()).isEqualTo(Report.Result.SYNCED);
      first = report.revision();
    }
    Secret state = stateSecret();
    assertThat(decoded(state, "revision")).isEqualTo(first);
    assertThat(state.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/part-of", "pullsync")
        .doesNotContainKey("app.kubernetes.io/managed-by");
    state.getData().values().forEach(v -> assertThat(decode(v)).doesNotContain(PASSWORD));
    assertThat(decoded(state, "spec-files.json")).contains("sealed");

    Files.move(repo, tmp.resolve("repo-away")); // Git unreachable from now on
    cluster
        .client()
        .secrets()
        .inNamespace("user-example-com")
        .withName("harbor-credentials")
        .delete();
    cluster
        .namespace("team-b", Map.of("app.kubernetes.io/part-of", "kubeflow-profile"))
        .serviceAccount("team-b", "default")
        .serviceAccount("team-b", "default-editor");
    AgentMetrics metrics = new AgentMetrics(Clock.systemUTC());
    TestClock clock = new TestClock();

    try (Engine restarted = RealEngine.open(cluster, repo, tmp.resolve("work-2"), clock, metrics)) {
      long start = System.nanoTime();
      Report report = restarted.reconciler().run(Trigger.full("startup"));
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.println("restart with Git down: stored revision enforced in " + millis + " ms");

      assertThat(report.appliedRevision()).contains(first);
      assertThat(report.errors())
          .anySatisfy(
              e ->
                  assertThat(e)
                      .startsWith(
                          "enforcing stored revision " + first + "; Git unreachable since "));
      assertThat(report.result()).isEqualTo(Report.Result.FAILED);
      assertThat(report.counts().created()).isEqualTo(2);
      assertThat(password("user-example-com")).contains(PASSWORD);
      assertThat(password("team-b")).contains(PASSWORD);
      assertThat(metrics.scrape())
          .contains(
              "pullsync_enforced_revision_info{origin=\"stored\",revision=\"" + first + "\"} 1")
          .doesNotContain("pullsync_git_unreachable_since_timestamp_seconds 0.0");
      report.errors().forEach(e -> assertThat(e).doesNotContain(PASSWORD));

      Files.move(tmp.resolve("repo-away"), repo); // Git answers again
      clock.advance(Duration.ofMinutes(1)); // past the fetch backoff
      Report back = restarted.reconciler().run(Trigger.full("cron"));

      assertThat(back.errors()).isEmpty();
      assertThat(back.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(back.appliedRevision()).contains(first);
      assertThat(metrics.scrape())
          .contains("pullsync_enforced_revision_info{origin=\"git\",revision=\"" + first + "\"} 1")
          .contains("pullsync_git_unreachable_since_timestamp_seconds 0.0");
    }
    assertThat(stateSecret()).isNotNull(); // never pruned as one of our pull Secrets
  }

  private Secret stateSecret() {
    return cluster
        .client()
        .secrets()
        .inNamespace(RealEngine.AGENT_NAMESPACE)
        .withName(SecretStateStore.nameFor(RealEngine.INSTANCE))
        .get();
  }

  private String password(String namespace) {
    Secret s =
        cluster.client().secrets().inNamespace(namespace).withName("harbor-credentials").get();
    assertThat(s).as("Secret in " + namespace).isNotNull();
    String config = decode(s.getData().get(".dockerconfigjson"));
    return config.contains("\"auth\"") ? decodeAuth(config) : config;
  }

  private static String decodeAuth(String config) {
    int i = config.indexOf("\"auth\":\"") + 8;
    return decode(config.substring(i, config.indexOf('"', i)));
  }

  private static String decoded(Secret s, String key) {
    return decode(s.getData().get(key));
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
