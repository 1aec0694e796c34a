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
 * A namespace that leaves the spec loses our Secret and our ServiceAccount entry, and nothing else:
 * the ServiceAccount's other pull secrets stay, in order.
 */
class PrunesNamespaceRemovedFromSpecTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  static Fixtures spec(String... namespaces) {
    return Fixtures.spec()
        .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
        .pullSecret(pullSecret("harbor-credentials", "harbor").names(namespaces));
  }

  @Test
  void removedNamespaceLosesOnlyWhatIsOurs() {
    for (String ns : new String[] {"a", "b", "c", "d", "e"}) {
      cluster.namespace(ns).serviceAccount(ns, "default", "first", "last");
    }
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec("a", "b", "c", "d", "e"))) {
      engine.runOnce();
      assertThat(cluster.pullSecretsOf("e", "default"))
          .containsExactly("first", "last", "harbor-credentials");

      engine.commit(spec("a", "b", "c", "d"));
      Report report = engine.runOnce();

      assertThat(report.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(report.counts().deleted()).isEqualTo(1);
      assertThat(report.counts().unlinked()).isEqualTo(1);
      assertThat(cluster.client().secrets().inNamespace("e").withName("harbor-credentials").get())
          .isNull();
      assertThat(cluster.pullSecretsOf("e", "default")).containsExactly("first", "last");
      assertThat(
              cluster
                  .client()
                  .serviceAccounts()
                  .inNamespace("e")
                  .withName("default")
                  .get()
                  .getMetadata()
                  .getAnnotations())
          .doesNotContainKey("pullsync.dev/owned-pull-secrets");
      assertThat(cluster.pullSecretsOf("a", "default"))
          .containsExactly("first", "last", "harbor-credentials");
    }
  }

  @Test
  void entryAddedByHandIsNeverRemoved() {
    cluster.namespace("a").serviceAccount("a", "default", "harbor-credentials");
    for (String ns : new String[] {"b", "c", "d", "e"}) {
      cluster.namespace(ns).serviceAccount(ns, "default");
    }
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec("a", "b", "c", "d", "e"))) {
      engine.runOnce();
      engine.commit(spec("b", "c", "d", "e"));
      engine.runOnce();

      assertThat(cluster.pullSecretsOf("a", "default")).containsExactly("harbor-credentials");
    }
  }
}
