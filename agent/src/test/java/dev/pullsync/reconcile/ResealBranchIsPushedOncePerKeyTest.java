package dev.pullsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.report.Report;
import dev.pullsync.testkit.MockCluster;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The re-seal branch is pushed once per key id and spec commit: later reconciles, and a restarted
 * agent with an empty work folder, find it on the remote on top of the same spec commit and push
 * nothing (the remote's log of the branch counts one update), while still naming it in the report.
 * Namespace events (partial reconciles, whose reports are not published) do not look at it at all.
 */
class ResealBranchIsPushedOncePerKeyTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void laterTicksAndARestartPushNothing() throws Exception {
    ResealRemote remote = new ResealRemote(tmp);
    String tip;
    try (Engine engine = remote.open(cluster, remote.settings("w1", true), Clock.systemUTC())) {
      engine.reconciler().run(Trigger.full("startup"));
      tip = remote.head(remote.branch());
      assertThat(remote.updates(remote.branch())).isEqualTo(1);

      Report second = engine.reconciler().run(Trigger.full("schedule"));
      Report third = engine.reconciler().run(Trigger.full("schedule"));

      assertThat(remote.updates(remote.branch())).isEqualTo(1);
      assertThat(remote.head(remote.branch())).isEqualTo(tip);
      assertThat(third.notices()).isEqualTo(second.notices());
      assertThat(third.notices()).anySatisfy(n -> assertThat(n).contains(remote.branch()));

      Report event = engine.reconciler().run(Trigger.namespaces("namespace", Set.of("team-a")));
      assertThat(event.notices()).noneSatisfy(n -> assertThat(n).contains(remote.branch()));
    }

    try (Engine restarted = remote.open(cluster, remote.settings("w2", true), Clock.systemUTC())) {
      Report report = restarted.reconciler().run(Trigger.full("startup"));
      assertThat(report.notices()).anySatisfy(n -> assertThat(n).contains(remote.branch()));
    }
    assertThat(remote.updates(remote.branch())).isEqualTo(1);
    assertThat(remote.head(remote.branch())).isEqualTo(tip);
  }
}
