package dev.pullsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.reconcile.Trigger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookTest {
  private static final byte[] SECRET_FILE = "s3cret-hook\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] BODY =
      "{\"ref\":\"refs/heads/main\",\"after\":\"abc\"}".getBytes(StandardCharsets.UTF_8);
  private final List<Trigger> queued = new CopyOnWriteArrayList<>();
  private AgentHttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpTestClient start(Optional<WebhookVerifier> verifier) {
    Readiness readiness = new Readiness(() -> true);
    readiness.leading(true);
    server =
        AgentHttpServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            readiness,
            new AgentMetrics(Clock.systemUTC()),
            verifier,
            queued::add);
    return new HttpTestClient(server.port());
  }

  private HttpTestClient start() {
    return start(Optional.of(WebhookVerifier.ofFileContent(SECRET_FILE)));
  }

  private static String githubSignature(String secret, byte[] body) {
    byte[] mac = new WebhookVerifier(secret.getBytes(StandardCharsets.UTF_8)).hmac(body);
    return "sha256=" + HexFormat.of().formatHex(mac);
  }

  @Test
  void aGitHubPushSignedWithTheSecretQueuesAFullFetchAndReconcile() {
    var response =
        start()
            .post("/hooks/git", BODY, "X-Hub-Signature-256", githubSignature("s3cret-hook", BODY));
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(queued).containsExactly(Trigger.full("webhook"));
    assertThat(queued.get(0).fetch()).isTrue();
  }

  @Test
  void githubSignatureIsCheckedAgainstTheKnownHmacVector() {
    // HMAC-SHA256("It's a Secret to Everybody", "Hello, World!") from GitHub's documentation.
    byte[] mac =
        new WebhookVerifier("It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8))
            .hmac("Hello, World!".getBytes(StandardCharsets.UTF_8));
    assertThat(HexFormat.of().formatHex(mac))
        .isEqualTo("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
  }

  @Test
  void aGitHubSignatureWithTheWrongSecretIs401() {
    var response =
        start().post("/hooks/git", BODY, "X-Hub-Signature-256", githubSignature("guess", BODY));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(queued).isEmpty();
  }

  @Test
  void aGitHubSignatureOverAnotherBodyIs401() {
    byte[] other = "{\"ref\":\"refs/heads/evil\"}".getBytes(StandardCharsets.UTF_8);
    var response =
        start()
            .post("/hooks/git", BODY, "X-Hub-Signature-256", githubSignature("s3cret-hook", other));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(queued).isEmpty();
  }

  @Test
  void malformedGitHubSignaturesAre401() {
    HttpTestClient client = start();
    for (String bad : List.of("sha1=abcd", "sha256=zz", "sha256=", "s3cret-hook")) {
      assertThat(client.post("/hooks/git", BODY, "X-Hub-Signature-256", bad).statusCode())
          .as(bad)
          .isEqualTo(401);
    }
    assertThat(queued).isEmpty();
  }

  @Test
  void aGitLabPushWithTheTokenQueuesAReconcile() {
    var response = start().post("/hooks/git", BODY, "X-Gitlab-Token", "s3cret-hook");
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(queued).containsExactly(Trigger.full("webhook"));
  }

  @Test
  void aGitLabPushWithAWrongTokenIs401() {
    HttpTestClient client = start();
    assertThat(client.post("/hooks/git", BODY, "X-Gitlab-Token", "s3cret-hoo").statusCode())
        .isEqualTo(401);
    assertThat(client.post("/hooks/git", BODY, "X-Gitlab-Token", "S3CRET-HOOK").statusCode())
        .isEqualTo(401);
    assertThat(queued).isEmpty();
  }

  @Test
  void aPushWithoutAnySignatureIs401() {
    assertThat(start().post("/hooks/git", BODY).statusCode()).isEqualTo(401);
    assertThat(queued).isEmpty();
  }

  @Test
  void getOnTheHookIs405() {
    assertThat(start().get("/hooks/git").statusCode()).isEqualTo(405);
  }

  @Test
  void withoutAConfiguredSecretTheHookIsNotServed() {
    var response =
        start(Optional.empty())
            .post("/hooks/git", BODY, "X-Hub-Signature-256", githubSignature("s3cret-hook", BODY));
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(queued).isEmpty();
  }

  @Test
  void theVerifierDoesNotPrintItsSecret() {
    assertThat(WebhookVerifier.ofFileContent(SECRET_FILE).toString()).doesNotContain("s3cret");
  }
}
