package dev.pullsync.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.demo.LocalRegistry;
import dev.pullsync.demo.LocalRegistry.Challenge;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The build runs every test under the loopback-only address policy, so no test can reach a host on
 * the network it runs in; a registry named by a private address is refused before anything is
 * dialled, and a configured endpoint (a mirror) on loopback is used instead.
 */
class DialsLoopbackOnlyUnderThePolicyTest {
  static final String CANARY = "Canary-policy-2b7e41f0";
  static final String HARBOR = "192.168.58.12:30002";

  @Test
  void theBuildRunsEveryTestUnderTheLoopbackOnlyPolicy() {
    assertThat(Outbound.policy()).isEqualTo(Outbound.Policy.LOOPBACK_ONLY);
  }

  @Test
  void aPrivateAddressIsRefusedWithoutBeingDialled() {
    LoginResult result =
        new RegistryLogin().check(HARBOR, true, LogsInToRegistryTest.userPass("admin", CANARY));

    assertThat(result.status()).isEqualTo(LoginResult.Status.UNREACHABLE);
    assertThat(result.reason()).startsWith("not dialled: 192.168.58.12").doesNotContain(CANARY);
    assertThat(Outbound.recorded())
        .contains(new Outbound.Destination("192.168.58.12:30002", false));
  }

  @Test
  void aHostNameIsRefusedWithoutALookup() {
    LoginResult result =
        new RegistryLogin()
            .check("registry.example.com", false, LogsInToRegistryTest.userPass("u", CANARY));

    assertThat(result.reason()).startsWith("not dialled: registry.example.com");
    assertThat(Outbound.recorded())
        .contains(new Outbound.Destination("registry.example.com:443", false));
  }

  @Test
  void aConfiguredEndpointOnLoopbackServesTheServer() {
    try (LocalRegistry registry = new LocalRegistry(Challenge.BASIC, "admin", CANARY)) {
      RegistryLogin login = new RegistryLogin(Map.of(HARBOR, registry.address()));

      LoginResult result =
          login.check(HARBOR, true, LogsInToRegistryTest.userPass("admin", CANARY));

      assertThat(result.status()).isEqualTo(LoginResult.Status.ACCEPTED);
      assertThat(registry.v2Requests()).isEqualTo(2);
      assertThat(Outbound.recorded())
          .contains(new Outbound.Destination("127.0.0.1:" + registry.address().split(":")[1], true))
          .doesNotContain(new Outbound.Destination(HARBOR, true));
    }
  }
}
