package dev.pullsync.reconcile;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.check.LoginGate;
import dev.pullsync.check.RegistryLogin;
import dev.pullsync.demo.LocalRegistry;
import dev.pullsync.demo.LocalRegistry.Challenge;
import dev.pullsync.plan.Policy;
import dev.pullsync.report.Report;
import dev.pullsync.testkit.CapturedLogs;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import io.fabric8.kubernetes.api.model.Secret;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rotation to a password the registry rejects keeps the previous Secret data and reports each
 * Secret as failed (Degraded); a right password rolls out; an unchanged credential is checked once;
 * an unreachable registry does not hold anything back; the password never leaks.
 */
class KeepsPreviousCredentialWhenRegistryRejectsTest {
  static final String RIGHT = "Right-p4ss-0b7e";
  static final String CANARY = Fixtures.CANARY;
  static final List<String> NAMESPACES = List.of("team-a", "team-b");

  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  static Fixtures spec(String server, String password) {
    return Fixtures.spec()
        .registry("harbor", server, "robot", password, null)
        .insecure() // the in-process registry speaks plain HTTP
        .pullSecret(pullSecret("harbor-credentials", "harbor").patterns("team-*"));
  }

  TestEngine engine() {
    NAMESPACES.forEach(ns -> cluster.namespace(ns).serviceAccount(ns, "default"));
    LoginGate gate = LoginGate.checking(new RegistryLogin()::check);
    return new TestEngine(cluster, tmp, Policy.defaults(), gate);
  }

  @Test
  void wrongPasswordKeepsThePreviousCredentialAndRightOneRollsOut() {
    try (LocalRegistry registry = new LocalRegistry(Challenge.BEARER, "robot", RIGHT);
        CapturedLogs logs = new CapturedLogs();
        TestEngine engine = engine().commit(spec(registry.address(), RIGHT))) {
      assertThat(engine.runOnce().result()).isEqualTo(Report.Result.SYNCED);
      assertThat(passwords()).containsOnly(RIGHT);

      engine.commit(spec(registry.address(), CANARY));
      Report rejected = engine.runOnce();

      assertThat(passwords()).containsOnly(RIGHT);
      assertThat(rejected.result()).isEqualTo(Report.Result.DEGRADED);
      assertThat(rejected.entries())
          .filteredOn(e -> e.kind().equals("Secret"))
          .hasSize(2)
          .allSatisfy(
              e -> {
                assertThat(e.status()).isEqualTo("failed");
                assertThat(e.reason())
                    .isEqualTo(
                        "registry harbor login check: rejected (token endpoint answered 401; the"
                            + " registry rejected this credential: re-seal the right username and"
                            + " password (or token) in Registry harbor) — previous credential"
                            + " kept");
              });
      int requests = registry.v2Requests() + registry.tokenRequests();
      assertThat(engine.runOnce().result()).isEqualTo(Report.Result.DEGRADED);
      assertThat(registry.v2Requests() + registry.tokenRequests())
          .as("an unchanged credential is checked once")
          .isEqualTo(requests);

      registry.close();
      try (LocalRegistry rotated = new LocalRegistry(Challenge.BASIC, "robot", RIGHT + "-2")) {
        // a new registry (Basic) with the rotated password: that pair is checked afresh
        engine.commit(spec(rotated.address(), RIGHT + "-2"));
        Report rolled = engine.runOnce();
        assertThat(rolled.result()).isEqualTo(Report.Result.SYNCED);
        assertThat(rolled.counts().updated()).isEqualTo(2);
        assertThat(passwords()).containsOnly(RIGHT + "-2");
        assertThat(rotated.v2Requests()).isEqualTo(2);
      }
      String everything = String.join("\n", logs.lines()) + engine.published() + rejected;
      assertThat(everything).doesNotContain(CANARY);
    }
  }

  @Test
  void aRejectedFirstCredentialCreatesNothing() {
    try (LocalRegistry registry = new LocalRegistry(Challenge.BASIC, "robot", RIGHT);
        TestEngine engine = engine().commit(spec(registry.address(), CANARY))) {
      Report report = engine.runOnce();

      assertThat(report.result()).isEqualTo(Report.Result.DEGRADED);
      assertThat(
              cluster.client().secrets().inNamespace("team-a").withName("harbor-credentials").get())
          .isNull();
      assertThat(report.entries())
          .filteredOn(e -> e.kind().equals("Secret"))
          .extracting(Report.Entry::reason)
          .hasSize(2)
          .allSatisfy(
              r ->
                  assertThat(r)
                      .startsWith("registry harbor login check: rejected (401; ")
                      .endsWith(") — Secret not created"));
      assertThat(
              cluster
                  .client()
                  .serviceAccounts()
                  .inNamespace("team-a")
                  .withName("default")
                  .get()
                  .getImagePullSecrets())
          .isEmpty();
    }
  }

  @Test
  void anUnreachableRegistryDoesNotHoldTheRolloutBack() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (CapturedLogs logs = new CapturedLogs();
        TestEngine engine = engine().commit(spec("127.0.0.1:" + port, CANARY))) {
      assertThat(engine.runOnce().result()).isEqualTo(Report.Result.SYNCED);
      engine.runOnce();
      assertThat(passwords()).containsOnly(CANARY);
      assertThat(logs.count("credential not checked (unreachable")).isEqualTo(1);
      assertThat(logs.lines()).noneMatch(l -> l.contains(CANARY));
    }
  }

  private List<String> passwords() {
    return NAMESPACES.stream()
        .map(
            ns -> {
              Secret s =
                  cluster.client().secrets().inNamespace(ns).withName("harbor-credentials").get();
              String json =
                  new String(
                      Base64.getDecoder().decode(s.getData().get(".dockerconfigjson")),
                      StandardCharsets.UTF_8);
              String auth = json.replaceAll("(?s).*\"auth\":\"([^\"]+)\".*", "$1");
              String pair = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
              return pair.substring(pair.indexOf(':') + 1);
            })
        .distinct()
        .toList();
  }
}
