package dev.pullsync.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.testkit.Fixtures;
import dev.pullsync.unseal.Unsealed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A registry's brief 401 does not hold a credential back until a restart: a rejection is asked
 * again after a backoff (1, 2, 4, 8, then at most 10 minutes) and at every new revision; an
 * accepted credential is never asked again. Every real check reaches the listener (the metrics).
 */
class RechecksAHeldBackVerdictTest {
  final Unsealed unsealed =
      Fixtures.spec()
          .registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY, null)
          .unsealed();
  final Instant start = Instant.parse("2026-11-30T04:00:00Z");
  Instant now = start;
  final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  @Test
  void aRejectionIsAskedAgainWithBackoffAndOnANewRevision() {
    AtomicInteger asked = new AtomicInteger();
    List<LoginResult> answers = new ArrayList<>();
    LoginGate gate =
        LoginGate.checking(
            (registry, credential) -> {
              asked.incrementAndGet();
              return answers.isEmpty() ? LoginResult.rejected("401") : answers.remove(0);
            },
            clock);
    List<String> heard = new ArrayList<>();
    gate.observe((registry, result) -> heard.add(registry + "=" + result.status().display()));

    assertThat(status(gate, "r1")).isEqualTo(LoginResult.Status.REJECTED);
    assertThat(asked).hasValue(1);
    later(Duration.ofSeconds(59));
    status(gate, "r1");
    assertThat(asked).as("within the first minute").hasValue(1);
    later(Duration.ofSeconds(1));
    status(gate, "r1");
    assertThat(asked).as("after 1 minute").hasValue(2);
    later(Duration.ofMinutes(1));
    status(gate, "r1");
    assertThat(asked).as("the next wait is 2 minutes").hasValue(2);
    later(Duration.ofMinutes(1));
    status(gate, "r1");
    assertThat(asked).hasValue(3);
    assertThat(gate.verdicts(unsealed, "r1").get("harbor").checkedAt()).isEqualTo(now);

    status(gate, "r2");
    assertThat(asked).as("a new revision asks again at once").hasValue(4);

    answers.add(LoginResult.accepted("basic login accepted (200)"));
    later(Duration.ofMinutes(10));
    assertThat(status(gate, "r2")).isEqualTo(LoginResult.Status.ACCEPTED);
    later(Duration.ofHours(5));
    status(gate, "r3");
    assertThat(asked).as("accepted: never again for this credential").hasValue(5);
    assertThat(heard)
        .containsExactly(
            "harbor=rejected",
            "harbor=rejected",
            "harbor=rejected",
            "harbor=rejected",
            "harbor=accepted");
  }

  @Test
  void theWaitDoublesUpToTenMinutes() {
    assertThat(List.of(1, 2, 3, 4, 5, 9))
        .extracting(LoginGate::retryAfter)
        .containsExactly(
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofMinutes(4),
            Duration.ofMinutes(8),
            Duration.ofMinutes(10),
            Duration.ofMinutes(10));
  }

  private LoginResult.Status status(LoginGate gate, String revision) {
    return gate.verdicts(unsealed, revision).get("harbor").result().status();
  }

  private void later(Duration d) {
    now = now.plus(d);
  }
}
