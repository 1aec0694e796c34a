package dev.pullsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.report.Report;
import dev.pullsync.testkit.MockCluster;
import java.nio.file.Path;
import java.time.Clock;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without {@code reseal.pushBranch} (the default) the agent only reports the values sealed with an
 * older key: the remote gets no branch and the report names none.
 */
class NoResealBranchWithoutPushBranchTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void onlyTheNoticeNoBranch() throws Exception {
    ResealRemote remote = new ResealRemote(tmp);
    String specHead = remote.head("main");
    Report report;
    try (Engine engine = remote.open(cluster, remote.settings("w1", false), Clock.systemUTC())) {
      report = engine.reconciler().run(Trigger.full("startup"));
    }

    assertThat(report.errors()).isEmpty();
    assertThat(report.notices())
        .singleElement()
        .satisfies(n -> assertThat(n).contains("sealed with a key older than the active one"));
    assertThat(remote.head(remote.branch())).isNull();
    assertThat(remote.head("main")).isEqualTo(specHead);
    try (Git git = Git.open(remote.bare().toFile())) {
      assertThat(git.branchList().call()).hasSize(1);
    }
  }
}
