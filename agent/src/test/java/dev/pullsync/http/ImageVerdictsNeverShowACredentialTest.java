package dev.pullsync.http;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.check.ImageGate;
import dev.pullsync.check.LoginGate;
import dev.pullsync.check.ManifestCheck;
import dev.pullsync.check.RegistryLogin;
import dev.pullsync.demo.LocalRegistry;
import dev.pullsync.demo.LocalRegistry.Challenge;
import dev.pullsync.plan.Plan;
import dev.pullsync.plan.PlanFormat;
import dev.pullsync.plan.Policy;
import dev.pullsync.reconcile.Trigger;
import dev.pullsync.report.HtmlReport;
import dev.pullsync.report.Report;
import dev.pullsync.report.ReportFiles;
import dev.pullsync.testkit.CapturedLogs;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary: with the canary as the registry password and image verdicts of every kind (pullable,
 * not-found, denied by a token for one repository), nothing that shows them holds it (plain or
 * base64, alone or as {@code user:password}): the report's YAML, Markdown and page, the plan in
 * every format, {@code /metrics}, {@code /status} and the logs.
 */
class ImageVerdictsNeverShowACredentialTest {
  static final String IMAGE = "kubeflow-iris/iris-download:v1.0";
  static final String OTHER = "other-team/model:v2";
  static final String MISSING = "kubeflow-iris/iris-download:v9";

  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();
  private AgentHttpServer http;

  @AfterEach
  void close() {
    if (http != null) {
      http.close();
    }
    cluster.close();
  }

  static Fixtures spec(String server, String email, String... images) {
    return Fixtures.spec()
        .registry("harbor", server, "robot", Fixtures.CANARY, email)
        .insecure()
        .verify(images)
        .pullSecret(pullSecret("harbor-credentials", "harbor").names("team-a"));
  }

  @Test
  void noVerdictShowsThePassword() {
    cluster.namespace("team-a").serviceAccount("team-a", "default");
    AgentMetrics metrics = new AgentMetrics(Clock.systemUTC());
    StatusPage page = new StatusPage();
    http =
        AgentHttpServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            HttpLimits.DEFAULTS,
            new Readiness(() -> true),
            metrics,
            Optional.empty(),
            t -> {},
            page);
    HttpTestClient client = new HttpTestClient(http.port());
    RegistryLogin login = new RegistryLogin();
    LoginGate gate =
        LoginGate.checking(login::check)
            .withImages(
                new ImageGate(new ManifestCheck(login)::check, Clock.systemUTC(), Duration.ZERO));
    StringBuilder shown = new StringBuilder();
    try (CapturedLogs logs = new CapturedLogs();
        LocalRegistry registry =
            new LocalRegistry(Challenge.BEARER, "robot", Fixtures.CANARY)
                .serve(IMAGE)
                .serve(OTHER)
                .grantPullOnly("kubeflow-iris/iris-download");
        TestEngine engine =
            new TestEngine(cluster, tmp, Policy.defaults(), gate)
                .commit(spec(registry.address(), "a@example.com", IMAGE, MISSING))) {
      engine.runOnce(); // rolled out: the plan may ask the server
      engine.commit(spec(registry.address(), "b@example.com", IMAGE, MISSING, OTHER));
      Plan plan = engine.plan();
      Report report = engine.runOnce();
      metrics.finished(Trigger.full("test"), report, Duration.ZERO);
      page.finished(Trigger.full("test"), report, Duration.ZERO);

      assertThat(report.registries().get(0).images())
          .extracting(Report.ImageCheck::verdict)
          .containsExactly("pullable", "not-found", "denied");
      assertThat(plan.registries().get(0).heldBack()).isPresent();
      ReportFiles files = ReportFiles.of(report);
      shown.append(files.yaml()).append(files.markdown()).append(new HtmlReport().render(report));
      for (PlanFormat format : PlanFormat.values()) {
        shown.append(format.render(plan));
      }
      shown.append(client.get("/metrics").body()).append(client.get("/status").body());
      shown.append(String.join("\n", logs.lines()));
    }
    assertThat(shown.toString())
        .contains("pullsync_image_verdict{")
        .contains(OTHER)
        .doesNotContain(Fixtures.CANARY)
        .doesNotContain(b64(Fixtures.CANARY))
        .doesNotContain(b64("robot:" + Fixtures.CANARY));
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
