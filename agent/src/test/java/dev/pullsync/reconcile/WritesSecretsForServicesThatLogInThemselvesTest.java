package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.plan.Plan;
import dev.pullsync.plan.PlanFormat;
import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runbook's second Secret: an Opaque {@code harbor-credentials} in {@code kubeflow} with the
 * keys the services read, next to the pull secret of the same name in the user namespace; and a
 * {@code kubernetes.io/basic-auth} Secret. Both are owned like pull secrets, planned and reported,
 * and linked from no ServiceAccount.
 */
class WritesSecretsForServicesThatLogInThemselvesTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  static Fixtures spec(String password) {
    return Fixtures.spec()
        .registry("harbor", Fixtures.HARBOR, "admin", password, "admin@example.com")
        .pullSecret(pullSecret("harbor-credentials", "harbor").names("user-example-com"))
        .pullSecret(
            pullSecret("harbor-credentials-for-services", "harbor")
                .secretName("harbor-credentials")
                .names("kubeflow")
                .opaque(
                    Map.of(
                        "HARBOR_USERNAME", "username",
                        "HARBOR_PASSWORD", "password",
                        "HARBOR_SERVER", "server",
                        "HARBOR_AUTH", "auth")))
        .pullSecret(pullSecret("harbor-login", "harbor").names("kubeflow").basicAuth());
  }

  @Test
  void writesTheTypedSecretsAndLinksOnlyThePullSecret() {
    cluster.namespace("kubeflow").serviceAccount("kubeflow", "default");
    cluster.namespace("user-example-com").serviceAccount("user-example-com", "default");
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec(Fixtures.CANARY))) {
      Plan plan = engine.plan();
      assertThat(PlanFormat.TEXT.render(plan))
          .contains("create   Secret harbor-credentials in kubeflow")
          .contains("create   Secret harbor-login in kubeflow")
          .doesNotContain(Fixtures.CANARY);

      Report report = engine.runOnce();

      assertThat(report.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(report.counts().created()).isEqualTo(3);
      assertThat(report.counts().linked()).isEqualTo(1);
      Secret opaque = secret("kubeflow", "harbor-credentials");
      assertThat(opaque.getType()).isEqualTo("Opaque");
      assertThat(decoded(opaque))
          .containsExactly(
              Map.entry("HARBOR_AUTH", b64("admin:" + Fixtures.CANARY)),
              Map.entry("HARBOR_PASSWORD", Fixtures.CANARY),
              Map.entry("HARBOR_SERVER", Fixtures.HARBOR),
              Map.entry("HARBOR_USERNAME", "admin"));
      assertThat(opaque.getMetadata().getLabels())
          .containsEntry("app.kubernetes.io/managed-by", "pullsync")
          .containsEntry("pullsync.dev/pullsecret", "harbor-credentials-for-services");
      Secret basic = secret("kubeflow", "harbor-login");
      assertThat(basic.getType()).isEqualTo("kubernetes.io/basic-auth");
      assertThat(decoded(basic))
          .containsExactly(Map.entry("password", Fixtures.CANARY), Map.entry("username", "admin"));
      assertThat(secret("user-example-com", "harbor-credentials").getType())
          .isEqualTo("kubernetes.io/dockerconfigjson");
      assertThat(cluster.pullSecretsOf("kubeflow", "default")).isEmpty();
      assertThat(cluster.pullSecretsOf("user-example-com", "default"))
          .containsExactly("harbor-credentials");
      assertThat(report.entries())
          .anySatisfy(
              e -> {
                assertThat(e.pullSecret()).isEqualTo("harbor-credentials-for-services");
                assertThat(e.namespace()).isEqualTo("kubeflow");
                assertThat(e.name()).isEqualTo("harbor-credentials");
                assertThat(e.action()).isEqualTo("create");
              });

      Report again = engine.runOnce();
      assertThat(again.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(again.counts().created()).isZero();
      assertThat(again.counts().updated()).isZero();
    }
  }

  @Test
  void twoPullSecretsWantingOneSecretLeaveItToTheFirstAndSaySo() {
    cluster.namespace("user-example-com").serviceAccount("user-example-com", "default");
    Fixtures both =
        Fixtures.spec()
            .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
            .pullSecret(pullSecret("harbor-credentials", "harbor").names("user-example-com"))
            .pullSecret(
                pullSecret("services", "harbor")
                    .secretName("harbor-credentials")
                    .names("user-example-com")
                    .basicAuth());
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(both)) {
      Report report = engine.runOnce();

      assertThat(secret("user-example-com", "harbor-credentials").getType())
          .isEqualTo("kubernetes.io/dockerconfigjson");
      assertThat(report.entries())
          .anySatisfy(
              e -> {
                assertThat(e.pullSecret()).isEqualTo("services");
                assertThat(e.reason()).contains("already written by PullSecret harbor-credentials");
              });
    }
  }

  private Secret secret(String namespace, String name) {
    return cluster.client().secrets().inNamespace(namespace).withName(name).get();
  }

  static Map<String, String> decoded(Secret s) {
    Map<String, String> out = new TreeMap<>();
    s.getData()
        .forEach(
            (k, v) ->
                out.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    return out;
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
