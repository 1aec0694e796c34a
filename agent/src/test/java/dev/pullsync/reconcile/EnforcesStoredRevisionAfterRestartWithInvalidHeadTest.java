package dev.pullsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.demo.DemoRepository;
import dev.pullsync.live.SecretStateStore;
import dev.pullsync.report.Report;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.RealEngine;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart while the branch head is invalid enforces the stored last good revision (a new
 * namespace gets its Secret), the report names both, and the next good head replaces the stored
 * revision in the cluster.
 */
class EnforcesStoredRevisionAfterRestartWithInvalidHeadTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void aRestartOnAnInvalidHeadEnforcesTheStoredRevisionUntilAGoodHead() throws Exception {
    // what the Kubeflow example targets: a profile's two ServiceAccounts, and kubeflow itself
    cluster
        .namespace("kubeflow")
        .namespace("user-example-com")
        .serviceAccount("user-example-com", "default")
        .serviceAccount("user-example-com", "default-editor");
    Path repo = DemoRepository.create("kubeflow-harbor", tmp.resolve("repo"));
    String good;
    try (Engine engine = open(repo, "work-1")) {
      good = engine.reconciler().run(Trigger.full("startup")).revision();
    }
    String invalid = commit(repo, "broken.yaml", "apiVersion: pullsync.dev/v1alpha1\nkind: Nope\n");
    cluster
        .namespace("team-b", Map.of("app.kubernetes.io/part-of", "kubeflow-profile"))
        .serviceAccount("team-b", "default")
        .serviceAccount("team-b", "default-editor");

    try (Engine restarted = open(repo, "work-2")) {
      Report report = restarted.reconciler().run(Trigger.full("startup"));

      assertThat(report.revision()).isEqualTo(invalid);
      assertThat(report.appliedRevision()).contains(good);
      assertThat(report.result()).isEqualTo(Report.Result.FAILED);
      assertThat(report.errors())
          .anySatisfy(e -> assertThat(e).startsWith("revision " + invalid + " not applied: "))
          .contains("enforcing stored revision " + good + "; revision " + invalid + " not applied");
      assertThat(secret("team-b")).isNotNull();
      assertThat(storedRevision()).isEqualTo(good);

      Files.delete(repo.resolve("broken.yaml"));
      String fixed = commit(repo, null, null);
      Report back = restarted.reconciler().run(Trigger.full("cron"));

      assertThat(back.errors()).isEmpty();
      assertThat(back.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(back.appliedRevision()).contains(fixed);
      assertThat(storedRevision()).isEqualTo(fixed);
    }
  }

  private Engine open(Path repo, String work) {
    return RealEngine.open(
        cluster, repo, tmp.resolve(work), Clock.systemUTC(), EngineObserver.NONE);
  }

  /** Writes {@code file} (or stages a deletion when null) and commits; the new revision's name. */
  private static String commit(Path repo, String file, String text) throws Exception {
    try (Git git = Git.open(repo.toFile())) {
      if (file != null) {
        Files.writeString(repo.resolve(file), text);
        git.add().addFilepattern(file).call();
      } else {
        git.add().addFilepattern(".").setUpdate(true).call();
      }
      return "main@sha1:" + git.commit().setMessage("change").setSign(false).call().getName();
    }
  }

  private Secret secret(String namespace) {
    return cluster.client().secrets().inNamespace(namespace).withName("harbor-credentials").get();
  }

  private String storedRevision() {
    Secret state =
        cluster
            .client()
            .secrets()
            .inNamespace(RealEngine.AGENT_NAMESPACE)
            .withName(SecretStateStore.nameFor(RealEngine.INSTANCE))
            .get();
    return new String(
        Base64.getDecoder().decode(state.getData().get("revision")), StandardCharsets.UTF_8);
  }
}
