package dev.pullsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.spec.CredentialSource;
import dev.pullsync.spec.Location;
import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.spec.SecretValue;
import dev.pullsync.spec.Spec;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine tells the metrics about failed fetches and the registries' expiry dates. */
class MetricsObserveTheEngineTest {
  private final AgentMetrics metrics =
      new AgentMetrics(Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC));

  private static RegistrySpec registry(String name, Optional<LocalDate> expires) {
    Location at = new Location("registries.yaml", 1);
    return new RegistrySpec(
        name,
        "registry.example.com",
        new CredentialSource.UsernamePassword(
            new SecretValue.Plain("robot", at),
            new SecretValue.Sealed("AgB-x", at),
            Optional.empty()),
        expires,
        at);
  }

  @Test
  void expiryDaysPerRegistryFollowTheNewestLoadedSpec() {
    metrics.specLoaded(
        new Spec(
            List.of(
                registry("harbor", Optional.of(LocalDate.parse("2026-12-10"))),
                registry("ghcr", Optional.of(LocalDate.parse("2026-11-20"))),
                registry("quay", Optional.empty())),
            List.of()));
    assertThat(metrics.scrape())
        .contains("pullsync_credential_expiry_days{registry=\"harbor\"} 14.0")
        .contains("pullsync_credential_expiry_days{registry=\"ghcr\"} -6.0")
        .doesNotContain("registry=\"quay\"");

    metrics.specLoaded(new Spec(List.of(registry("harbor", Optional.empty())), List.of()));
    assertThat(metrics.scrape()).doesNotContain("pullsync_credential_expiry_days{");
  }

  @Test
  void failedFetchesAreCounted() {
    metrics.fetchFailed();
    metrics.fetchFailed();
    assertThat(metrics.scrape()).contains("pullsync_git_fetch_failures_total 2.0");
  }
}
