package dev.pullsync.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.demo.LocalRegistry;
import dev.pullsync.demo.LocalRegistry.Challenge;
import dev.pullsync.unseal.Credential;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A login against a fake registry on loopback: Basic and Bearer challenges accept the right
 * password and reject a wrong one; a closed port is unreachable; no reason holds the password.
 */
class LogsInToRegistryTest {
  static final String CANARY = "Canary-login-5d1c8e2a";
  final RegistryLogin login = new RegistryLogin();

  static Credential userPass(String user, String password) {
    return Credential.of(
        Map.of(
            "username", user.getBytes(StandardCharsets.UTF_8),
            "password", password.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest
  @EnumSource(
      value = Challenge.class,
      names = {"BASIC", "BEARER"})
  void acceptsTheRightPassword(Challenge challenge) {
    try (LocalRegistry registry = new LocalRegistry(challenge, "robot", CANARY)) {
      LoginResult result = login.check(registry.address(), true, userPass("robot", CANARY));
      assertThat(result.status()).isEqualTo(LoginResult.Status.ACCEPTED);
      assertThat(result.reason()).doesNotContain(CANARY);
      assertThat(registry.tokenRequests()).isEqualTo(challenge == Challenge.BEARER ? 1 : 0);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Challenge.class,
      names = {"BASIC", "BEARER"})
  void rejectsAWrongPassword(Challenge challenge) {
    try (LocalRegistry registry = new LocalRegistry(challenge, "robot", "right")) {
      LoginResult result = login.check(registry.address(), true, userPass("robot", CANARY));
      assertThat(result.status()).isEqualTo(LoginResult.Status.REJECTED);
      assertThat(result.reason()).contains("401").doesNotContain(CANARY);
    }
  }

  @Test
  void anOpenRegistryNeedsNoLogin() {
    try (LocalRegistry registry = new LocalRegistry(Challenge.NONE, "robot", "right")) {
      assertThat(login.check(registry.address(), true, userPass("robot", "x")).status())
          .isEqualTo(LoginResult.Status.ACCEPTED);
    }
  }

  @Test
  void readsTheLoginFromADockerConfigAuthEntry() {
    try (LocalRegistry registry = new LocalRegistry(Challenge.BEARER, "robot", CANARY)) {
      String auth =
          Base64.getEncoder().encodeToString(("robot:" + CANARY).getBytes(StandardCharsets.UTF_8));
      String json =
          "{\"auths\":{\"other.example:5000\":{\"auth\":\"eDp5\"},\"http://"
              + registry.address()
              + "/v1/\":{\"auth\":\""
              + auth
              + "\"}}}";
      Credential config = Credential.ofString(".dockerconfigjson", json);
      assertThat(login.check(registry.address(), true, config).status())
          .isEqualTo(LoginResult.Status.ACCEPTED);
      String wrong = json.replace(auth, Base64.getEncoder().encodeToString("robot:no".getBytes()));
      assertThat(
              login.check(
                  registry.address(), true, Credential.ofString(".dockerconfigjson", wrong)))
          .extracting(LoginResult::status)
          .isEqualTo(LoginResult.Status.REJECTED);
    }
  }

  @Test
  void aClosedPortIsUnreachable() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    LoginResult result = login.check("127.0.0.1:" + port, true, userPass("robot", CANARY));
    assertThat(result.status()).isEqualTo(LoginResult.Status.UNREACHABLE);
    assertThat(result.reason()).doesNotContain(CANARY);
  }

  @Test
  void plainHttpIsNotUsedUnlessTheRegistryIsInsecure() {
    try (LocalRegistry registry = new LocalRegistry(Challenge.BASIC, "robot", CANARY)) {
      LoginResult result = login.check(registry.address(), false, userPass("robot", CANARY));
      assertThat(result.status()).isEqualTo(LoginResult.Status.PLAIN_HTTP);
      assertThat(result.reason()).contains("credential not sent");
      assertThat(registry.v2Requests()).as("only the anonymous probe, no login").isEqualTo(1);
    }
  }
}
