package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new password in Git updates every copy; the plan names the registry that changed, and a
 * modified copy (drift) is repaired and reported as modified.
 */
class RotatesCredentialEverywhereTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  private static Fixtures spec(String password) {
    return Fixtures.spec()
        .registry("harbor", Fixtures.HARBOR, "admin", password, null)
        .pullSecret(pullSecret("harbor-credentials", "harbor").patterns("team-*"));
  }

  @Test
  void rotationUpdatesEveryCopy() {
    List<String> namespaces = List.of("team-a", "team-b", "team-c");
    namespaces.forEach(ns -> cluster.namespace(ns).serviceAccount(ns, "default"));
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec("old-password"))) {
      engine.runOnce();
      List<String> before = data(namespaces);

      engine.commit(spec("new-password"));
      Report report = engine.runOnce();

      assertThat(report.counts().updated()).isEqualTo(3);
      assertThat(report.entries())
          .filteredOn(e -> e.action().equals("update"))
          .allSatisfy(
              e -> {
                assertThat(e.reason()).isEqualTo("registry 192.168.58.12:30002 credential differs");
                assertThat(e.drift()).isEmpty();
              });
      List<String> after = data(namespaces);
      for (int i = 0; i < namespaces.size(); i++) {
        assertThat(after.get(i)).isNotEqualTo(before.get(i)).isEqualTo(after.get(0));
      }
    }
  }

  @Test
  void handEditedCopyIsRepairedAsModifiedDrift() {
    cluster.namespace("team-a").serviceAccount("team-a", "default");
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec("password"))) {
      engine.runOnce();
      Secret s =
          cluster.client().secrets().inNamespace("team-a").withName("harbor-credentials").get();
      String good = s.getData().get(".dockerconfigjson");
      s.getData().put(".dockerconfigjson", "eyJhdXRocyI6e319");
      cluster.client().secrets().inNamespace("team-a").resource(s).update();

      Report report = engine.runOnce();

      assertThat(report.entries())
          .anySatisfy(
              e -> {
                assertThat(e.action()).isEqualTo("update");
                assertThat(e.drift()).contains("modified");
                assertThat(e.reason()).isEqualTo("registry 192.168.58.12:30002 missing");
              });
      assertThat(data(List.of("team-a"))).containsExactly(good);
    }
  }

  private List<String> data(List<String> namespaces) {
    return namespaces.stream()
        .map(
            ns ->
                cluster
                    .client()
                    .secrets()
                    .inNamespace(ns)
                    .withName("harbor-credentials")
                    .get()
                    .getData()
                    .get(".dockerconfigjson"))
        .toList();
  }
}
