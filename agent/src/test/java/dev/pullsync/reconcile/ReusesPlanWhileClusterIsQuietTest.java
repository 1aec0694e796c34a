package dev.pullsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.desired.Desired;
import dev.pullsync.plan.Plan;
import dev.pullsync.source.Snapshot;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A scheduled reconcile on a quiet cluster reuses the last full plan instead of rendering and
 * diffing every namespace again; anything that changed (the caches' content, the revision) or ten
 * minutes without a fresh plan makes a new one, and a namespace trigger always plans afresh.
 */
class ReusesPlanWhileClusterIsQuietTest {
  final AtomicLong caches = new AtomicLong(1);
  final TestClock clock = new TestClock();
  final LastPlan last = new LastPlan(caches::get, clock);
  final AtomicInteger made = new AtomicInteger();
  final Revision one = revision("one");

  @Test
  void reusesThePlanWhileNothingChanged() {
    LastPlan.Planned first = plan(one, Trigger.full("schedule"));
    LastPlan.Planned second = plan(one, Trigger.full("schedule"));

    assertThat(second).isSameAs(first);
    assertThat(made).hasValue(1);
  }

  @Test
  void plansAfreshWhenTheCachesChanged() {
    plan(one, Trigger.full("schedule"));
    caches.incrementAndGet();

    plan(one, Trigger.full("schedule"));
    plan(one, Trigger.full("schedule"));

    assertThat(made).hasValue(2);
  }

  @Test
  void plansAfreshForANewRevision() {
    plan(one, Trigger.full("schedule"));

    plan(revision("two"), Trigger.full("schedule"));

    assertThat(made).hasValue(2);
  }

  @Test
  void plansAfreshAtLeastEveryTenMinutes() {
    plan(one, Trigger.full("schedule"));
    clock.advance(Duration.ofMinutes(9));
    plan(one, Trigger.full("schedule"));
    assertThat(made).hasValue(1);

    clock.advance(Duration.ofMinutes(1));
    plan(one, Trigger.full("schedule"));

    assertThat(made).hasValue(2);
  }

  @Test
  void namespaceTriggersAlwaysPlanAfreshAndAreNotKept() {
    plan(one, Trigger.full("schedule"));

    plan(one, Trigger.namespaces("namespace event", Set.of("team-a")));
    plan(one, Trigger.namespaces("namespace event", Set.of("team-a")));
    LastPlan.Planned full = plan(one, Trigger.full("schedule"));

    assertThat(made).hasValue(3);
    assertThat(full.desired().scope()).isEmpty();
  }

  private LastPlan.Planned plan(Revision revision, Trigger trigger) {
    return last.plan(
        revision,
        trigger,
        () -> {
          made.incrementAndGet();
          Optional<Set<String>> scope =
              trigger.isFull() ? Optional.empty() : Optional.of(trigger.namespaces());
          Desired desired =
              new Desired(
                  revision.name(), List.of(), List.of(), List.of(), Map.of(), Set.of(), scope);
          return new LastPlan.Planned(desired, new Plan(revision.name(), List.of(), List.of()));
        });
  }

  private Revision revision(String name) {
    return new Revision(
        new Snapshot(name, name, Path.of("spec"), clock.instant()),
        Fixtures.spec().unsealed(),
        Map.of(),
        false);
  }
}
