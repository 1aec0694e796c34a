package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.check.ImageGate;
import dev.pullsync.check.LoginGate;
import dev.pullsync.check.ManifestCheck;
import dev.pullsync.check.RegistryLogin;
import dev.pullsync.demo.LocalRegistry;
import dev.pullsync.demo.LocalRegistry.Challenge;
import dev.pullsync.plan.Policy;
import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A credential that logs in but may not pull a {@code verify} image is held back like a rejected
 * login (nothing created, the entry and the report's registry section say which image); one that
 * may pull rolls out and the report says the image is pullable. Verdicts are cached per credential
 * and image and asked again only after the re-check interval.
 */
class HoldsBackCredentialDeniedAnImageTest {
  static final String IMAGE = "kubeflow-iris/iris-download:v1.0";
  static final String PASSWORD = "Robot-p4ss-91c2";

  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();
  final MovingClock clock = new MovingClock();

  /** A clock the test moves by hand. */
  static final class MovingClock extends java.time.Clock {
    private Instant now = Instant.parse("2026-11-30T04:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  TestEngine engine() {
    cluster.namespace("user-example-com").serviceAccount("user-example-com", "default");
    RegistryLogin login = new RegistryLogin();
    LoginGate gate =
        LoginGate.checking(login::check)
            .withImages(
                new ImageGate(new ManifestCheck(login)::check, clock, Duration.ofMinutes(5)));
    return new TestEngine(cluster, tmp, Policy.defaults(), gate);
  }

  static Fixtures spec(String server) {
    return Fixtures.spec()
        .registry("harbor", server, "robot", PASSWORD, null)
        .insecure()
        .verify(IMAGE)
        .pullSecret(pullSecret("harbor-credentials", "harbor").names("user-example-com"));
  }

  @Test
  void aTokenWithoutPullOnTheImageHoldsTheCredentialBack() {
    try (LocalRegistry registry =
            new LocalRegistry(Challenge.BEARER, "robot", PASSWORD)
                .serve(IMAGE)
                .grantPullOnly("another/project");
        TestEngine engine = engine().commit(spec(registry.address()))) {
      Report report = engine.runOnce();

      assertThat(report.result()).isEqualTo(Report.Result.DEGRADED);
      assertThat(
              cluster
                  .client()
                  .secrets()
                  .inNamespace("user-example-com")
                  .withName("harbor-credentials")
                  .get())
          .isNull();
      assertThat(report.entries())
          .filteredOn(e -> e.kind().equals("Secret"))
          .extracting(Report.Entry::reason)
          .singleElement()
          .satisfies(
              reason ->
                  assertThat(reason)
                      .startsWith(
                          "registry harbor image check: " + IMAGE + " denied (bearer token, 401;")
                      .endsWith(") — Secret not created"));
      assertThat(report.registries())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.verdict()).isEqualTo("accepted");
                assertThat(r.images())
                    .extracting(Report.ImageCheck::image, Report.ImageCheck::verdict)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(IMAGE, "denied"));
              });
      assertThat(report.toString()).doesNotContain(PASSWORD);
    }
  }

  @Test
  void aPullableImageRollsOutAndIsReCheckedOnlyAfterTheInterval() {
    try (LocalRegistry registry =
            new LocalRegistry(Challenge.BASIC, "robot", PASSWORD).serve(IMAGE);
        TestEngine engine = engine().commit(spec(registry.address()))) {
      Report report = engine.runOnce();

      assertThat(report.result()).isEqualTo(Report.Result.SYNCED);
      assertThat(report.registries().get(0).images())
          .extracting(Report.ImageCheck::verdict, Report.ImageCheck::reason)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("pullable", "basic, 200"));
      int asked = registry.manifestRequests();
      engine.runOnce();
      assertThat(registry.manifestRequests()).as("cached").isEqualTo(asked);
      clock.advance(Duration.ofMinutes(6));
      engine.runOnce();
      assertThat(registry.manifestRequests()).as("asked again").isGreaterThan(asked);
    }
  }
}
