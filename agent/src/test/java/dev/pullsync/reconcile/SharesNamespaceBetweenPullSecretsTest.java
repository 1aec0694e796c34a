package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two PullSecrets on one namespace and ServiceAccount: two Secrets, two entries, each owned
 * separately; removing one PullSecret removes only its own Secret and entry.
 */
class SharesNamespaceBetweenPullSecretsTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  private static Fixtures base() {
    return Fixtures.spec()
        .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
        .registry("ghcr", "ghcr.io", "bot", "other-password", null);
  }

  @Test
  void eachPullSecretAddsAndRemovesItsOwnEntry() {
    String[] namespaces = {"ns", "a", "b", "c", "d", "e", "f", "g"};
    for (String ns : namespaces) {
      cluster.namespace(ns).serviceAccount(ns, "default", "theirs");
    }
    Fixtures both =
        base()
            .pullSecret(pullSecret("harbor-credentials", "harbor").names(namespaces))
            .pullSecret(pullSecret("ghcr-credentials", "ghcr").names("ns"));
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(both)) {
      Report first = engine.runOnce();

      assertThat(first.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(cluster.pullSecretsOf("ns", "default"))
          .containsExactly("theirs", "ghcr-credentials", "harbor-credentials");
      assertThat(cluster.client().secrets().inNamespace("ns").list().getItems()).hasSize(2);

      engine.commit(
          base().pullSecret(pullSecret("harbor-credentials", "harbor").names(namespaces)));
      Report second = engine.runOnce();

      assertThat(second.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(cluster.pullSecretsOf("ns", "default"))
          .containsExactly("theirs", "harbor-credentials");
      assertThat(cluster.client().secrets().inNamespace("ns").withName("ghcr-credentials").get())
          .isNull();
    }
  }

  @Test
  void onePullSecretMayCarrySeveralRegistries() {
    cluster.namespace("ns").serviceAccount("ns", "default");
    Fixtures spec = base().pullSecret(pullSecret("all", "harbor", "ghcr").names("ns"));
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec)) {
      engine.runOnce();

      String json =
          new String(
              java.util.Base64.getDecoder()
                  .decode(
                      cluster
                          .client()
                          .secrets()
                          .inNamespace("ns")
                          .withName("all")
                          .get()
                          .getData()
                          .get(".dockerconfigjson")),
              java.nio.charset.StandardCharsets.UTF_8);
      assertThat(json)
          .startsWith("{\"auths\":{\"192.168.58.12:30002\":{")
          .contains(",\"ghcr.io\":{");
    }
  }
}
