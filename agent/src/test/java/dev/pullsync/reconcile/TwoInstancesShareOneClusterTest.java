package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.check.LoginGate;
import dev.pullsync.desired.Instance;
import dev.pullsync.desired.Ownership;
import dev.pullsync.plan.Policy;
import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two agents (two teams, two repositories) in one cluster: each owns its own Secrets, both link the
 * same ServiceAccount under their own annotation keys, neither prunes the other's Secrets, and a
 * Secret name both want is the second one's conflict.
 */
class TwoInstancesShareOneClusterTest {
  static final Instance TEAM_A = new Instance("team-a");
  static final Instance TEAM_B = new Instance("team-b");
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  static Fixtures spec(String name) {
    return Fixtures.spec()
        .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
        .pullSecret(pullSecret(name, "harbor").names("x", "y"));
  }

  private TestEngine engine(String dir, Instance instance) {
    return new TestEngine(
        cluster, tmp.resolve(dir), Policy.defaults(), LoginGate.disabled(), instance);
  }

  @Test
  void neitherPrunesTheOthersSecretsAndBothLinkTheSameServiceAccount() {
    cluster.namespace("x").serviceAccount("x", "default");
    cluster.namespace("y").serviceAccount("y", "default");
    try (TestEngine a = engine("a", TEAM_A).commit(spec("a-creds"));
        TestEngine b = engine("b", TEAM_B).commit(spec("b-creds"))) {
      a.runOnce();
      b.runOnce();
      Report again = a.runOnce();

      assertThat(again.counts().deleted()).isZero();
      assertThat(again.counts().unlinked()).isZero();
      assertThat(again.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(again.instance()).isEqualTo("team-a");
      for (String ns : new String[] {"x", "y"}) {
        assertThat(cluster.pullSecretsOf(ns, "default")).containsExactly("a-creds", "b-creds");
        Map<String, String> annotations =
            cluster
                .client()
                .serviceAccounts()
                .inNamespace(ns)
                .withName("default")
                .get()
                .getMetadata()
                .getAnnotations();
        assertThat(annotations)
            .containsEntry(Ownership.ownedKey(TEAM_A), "a-creds")
            .containsEntry(Ownership.ownedKey(TEAM_B), "b-creds");
        Secret bs = cluster.client().secrets().inNamespace(ns).withName("b-creds").get();
        assertThat(bs.getMetadata().getLabels()).containsEntry(Ownership.INSTANCE_LABEL, "team-b");
      }
    }
  }

  @Test
  void aNameBothWantIsTheSecondInstancesConflict() {
    cluster.namespace("x").serviceAccount("x", "default");
    cluster.namespace("y").serviceAccount("y", "default");
    try (TestEngine a = engine("a", TEAM_A).commit(spec("shared"));
        TestEngine b = engine("b", TEAM_B).commit(spec("shared"))) {
      a.runOnce();

      Report report = b.runOnce();
      Report planned = b.runOnce();

      assertThat(report.counts().conflicts()).isPositive();
      assertThat(planned.entries())
          .filteredOn(e -> e.kind().equals("Secret"))
          .allSatisfy(
              e -> {
                assertThat(e.action()).isEqualTo("conflict");
                assertThat(e.reason()).contains("belongs to pullsync instance team-a");
              });
      Secret s = cluster.client().secrets().inNamespace("x").withName("shared").get();
      assertThat(s.getMetadata().getLabels()).containsEntry(Ownership.INSTANCE_LABEL, "team-a");
    }
  }
}
