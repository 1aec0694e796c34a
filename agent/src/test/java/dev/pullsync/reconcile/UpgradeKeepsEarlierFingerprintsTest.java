package dev.pullsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.demo.DemoRepository;
import dev.pullsync.desired.Ownership;
import dev.pullsync.plan.Plan;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.RealEngine;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrading from a version whose fingerprints were keyed by the key ring ({@code hmac-sha256:})
 * rewrites nothing: a Secret whose data is right keeps its v1 print until its credential changes. A
 * wrong print of the current scheme is still repaired.
 */
class UpgradeKeepsEarlierFingerprintsTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void aV1FingerprintOnRightDataIsNotAChangeButAWrongV2OneIs() {
    // what the Kubeflow example targets: a profile's two ServiceAccounts, and kubeflow itself
    cluster
        .namespace("kubeflow")
        .namespace("user-example-com")
        .serviceAccount("user-example-com", "default")
        .serviceAccount("user-example-com", "default-editor");
    Path repo = DemoRepository.create("kubeflow-harbor", tmp.resolve("repo"));
    try (Engine engine =
        RealEngine.open(cluster, repo, tmp.resolve("w1"), List.of(RealEngine.DEMO_KEY))) {
      engine.reconciler().run(Trigger.full("startup"));
      assertThat(fingerprint()).startsWith("hmac-sha256-v2:");

      setFingerprint("hmac-sha256:0123456789abcdef0123456789abcdef");
      Plan upgraded = plan(repo, "w2");
      assertThat(upgraded.hasChanges()).isFalse();

      setFingerprint("hmac-sha256-v2:0123456789abcdef0123456789abcdef");
      Plan tampered = plan(repo, "w3");
      assertThat(tampered.toApply())
          .singleElement()
          .satisfies(
              c ->
                  assertThat(c.reason())
                      .contains("annotation " + Ownership.FINGERPRINT + " differs"));
    }
  }

  private Plan plan(Path repo, String work) {
    try (Engine engine =
        RealEngine.open(cluster, repo, tmp.resolve(work), List.of(RealEngine.DEMO_KEY))) {
      return engine.reconciler().plan(Trigger.full("plan"));
    }
  }

  private String fingerprint() {
    return secret().getMetadata().getAnnotations().get(Ownership.FINGERPRINT);
  }

  private Secret secret() {
    return cluster
        .client()
        .secrets()
        .inNamespace("user-example-com")
        .withName("harbor-credentials")
        .get();
  }

  private void setFingerprint(String value) {
    Secret s = secret();
    s.getMetadata().getAnnotations().put(Ownership.FINGERPRINT, value);
    cluster.client().secrets().inNamespace("user-example-com").resource(s).update();
  }
}
