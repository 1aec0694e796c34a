package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.pullsync.check.ImageGate;
import dev.pullsync.check.LoginGate;
import dev.pullsync.check.ManifestCheck;
import dev.pullsync.check.RegistryLogin;
import dev.pullsync.demo.LocalRegistry;
import dev.pullsync.demo.LocalRegistry.Challenge;
import dev.pullsync.plan.Policy;
import dev.pullsync.report.Report;
import dev.pullsync.report.ReportFiles;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The report carries each Registry's image verdicts as a section of their own (image, verdict, why,
 * when asked), against the in-process registry with a Basic and a Bearer challenge: a pullable
 * image and a missing one (not-found holds nothing back); the YAML holds them under the registry
 * and the Markdown in an Images table, neither with the password.
 */
class ReportsImageVerdictsPerRegistryTest {
  static final String IMAGE = "kubeflow-iris/iris-download:v1.0";
  static final String MISSING = "kubeflow-iris/iris-download:v9";
  static final Instant NOW = Instant.parse("2026-11-30T07:00:00Z");

  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @ParameterizedTest
  @EnumSource(
      value = Challenge.class,
      names = {"BASIC", "BEARER"})
  void eachImageHasAVerdictUnderItsRegistry(Challenge challenge) {
    cluster.namespace("team-a").serviceAccount("team-a", "default");
    RegistryLogin login = new RegistryLogin();
    java.time.Clock clock = java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC);
    LoginGate gate =
        LoginGate.checking(login::check, clock)
            .withImages(
                new ImageGate(new ManifestCheck(login)::check, clock, Duration.ofMinutes(5)));
    try (LocalRegistry registry =
            new LocalRegistry(challenge, "robot", Fixtures.CANARY).serve(IMAGE);
        TestEngine engine =
            new TestEngine(cluster, tmp, Policy.defaults(), gate)
                .commit(
                    Fixtures.spec()
                        .registry("harbor", registry.address(), "robot", Fixtures.CANARY, null)
                        .insecure()
                        .verify(IMAGE, MISSING)
                        .pullSecret(pullSecret("harbor-credentials", "harbor").names("team-a")))) {
      Report report = engine.runOnce();

      assertThat(report.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(report.notices()).noneMatch(n -> n.contains(IMAGE));
      Report.RegistryCheck harbor = report.registries().get(0);
      assertThat(harbor.verdict()).isEqualTo("accepted");
      assertThat(harbor.images())
          .extracting(Report.ImageCheck::image, Report.ImageCheck::verdict, i -> i.checkedAt())
          .containsExactly(tuple(IMAGE, "pullable", NOW), tuple(MISSING, "not-found", NOW));

      ReportFiles files = ReportFiles.of(report);
      assertThat(dev.pullsync.report.ReportSchema.errors(files.yaml())).as(files.yaml()).isEmpty();
      assertThat(files.yaml())
          .contains(
              "    images:\n      - image: "
                  + IMAGE
                  + "\n        verdict: pullable\n        reason: "
                  + (challenge == Challenge.BASIC ? "basic" : "bearer token")
                  + ", 200\n        checkedAt: "
                  + NOW);
      assertThat(files.markdown())
          .contains("### Images\n\n| Registry | Image | Image check | Why | Checked |")
          .contains("| harbor | " + MISSING + " | not-found | ");
      assertThat(files.yaml() + files.markdown()).doesNotContain(Fixtures.CANARY);
    }
  }
}
