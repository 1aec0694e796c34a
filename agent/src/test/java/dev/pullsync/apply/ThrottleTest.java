package dev.pullsync.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.config.KubernetesSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The client-side rate limit: a burst goes at once, then requests are spaced at the rate. */
class ThrottleTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final List<Long> waits = new ArrayList<>();
  private final Throttle throttle =
      new Throttle(
          10,
          3,
          now::get,
          n -> {
            waits.add(n);
            now.addAndGet(n);
          });

  @Test
  void burstGoesAtOnceThenTheRateHolds() {
    for (int i = 0; i < 6; i++) {
      throttle.acquire();
    }

    assertThat(waits).hasSize(3).allSatisfy(w -> assertThat(w).isEqualTo(100_000_000L));
  }

  @Test
  void aQuietSpellRefillsTheBurstButNoMore() {
    for (int i = 0; i < 3; i++) {
      throttle.acquire();
    }
    now.addAndGet(10_000_000_000L);
    for (int i = 0; i < 3; i++) {
      throttle.acquire();
    }
    assertThat(waits).isEmpty();

    throttle.acquire();

    assertThat(waits).containsExactly(100_000_000L);
  }

  @Test
  void optionsComeFromTheAgentConfiguration() {
    ApplyOptions options = ApplyOptions.from(new KubernetesSettings(20, 40, 3));

    assertThat(options.qps()).isEqualTo(20);
    assertThat(options.burst()).isEqualTo(40);
    assertThat(options.concurrency()).isEqualTo(3);
  }

  @Test
  void optionsRefuseANonPositiveRate() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ApplyOptions.defaults().withRate(0, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
