package dev.pullsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.testkit.MockCluster;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the spec branch moves after the re-seal branch was pushed, the next reconcile replaces the
 * branch with one new commit on top of the new spec head (so the pull request shows the re-seal
 * alone and merges cleanly), pushed once; the spec branch itself is only ever moved by its users. A
 * branch whose tip someone else committed is left alone and the report says so.
 */
class ResealBranchFollowsTheSpecTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void aMovedSpecGetsOneNewCommitOnItsNewHead() throws Exception {
    ResealRemote remote = new ResealRemote(tmp);
    try (Engine engine = remote.open(cluster, remote.settings("w1", true), Clock.systemUTC())) {
      engine.reconciler().run(Trigger.full("startup"));
      String first = remote.head(remote.branch());

      String moved = remote.moveSpec("README.md", "# fleet\n\nNow with a second line.\n");
      engine.reconciler().run(Trigger.full("webhook"));
      engine.reconciler().run(Trigger.full("schedule"));

      assertThat(remote.head("main")).isEqualTo(moved);
      assertThat(remote.head(remote.branch())).isNotEqualTo(first);
      assertThat(remote.parentOf(remote.branch())).isEqualTo(moved);
      assertThat(remote.updates(remote.branch())).isEqualTo(2);
      Map<String, String> files = remote.files(remote.branch());
      assertThat(files.get("README.md")).contains("second line");
      assertThat(remote.unseal(files, "branch", List.of(ResealRemote.NEW_KEY)).keyAge().older())
          .isZero();
    }
  }

  @Test
  void aBranchSomeoneElseCommittedToIsLeftAlone() throws Exception {
    ResealRemote remote = new ResealRemote(tmp);
    remote.createRemoteBranch(remote.branch()); // at main, committed by the platform team
    String theirs = remote.head(remote.branch());
    try (Engine engine = remote.open(cluster, remote.settings("w1", true), Clock.systemUTC())) {
      var report = engine.reconciler().run(Trigger.full("startup"));

      assertThat(report.errors()).isEmpty();
      assertThat(report.notices())
          .anySatisfy(n -> assertThat(n).contains("holds commits not made by pullsync"));
    }
    assertThat(remote.head(remote.branch())).isEqualTo(theirs);
  }
}
