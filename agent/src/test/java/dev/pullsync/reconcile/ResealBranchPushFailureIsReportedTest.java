package dev.pullsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.report.Report;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remote that rejects the re-seal branch (here: a branch {@code pullsync} exists, so no {@code
 * pullsync/...} ref can be created) fails nothing: the reconcile applies and reports as it would
 * without the setting, with a notice saying the branch was not pushed and why. The push is not
 * tried again until its backoff ends; then it succeeds. A remote that is gone altogether is the
 * fetch's error (the last good revision stays enforced) and, for the branch, a notice only.
 */
class ResealBranchPushFailureIsReportedTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void aRejectedPushIsReportedAndRetriedAfterTheBackoff() throws Exception {
    ResealRemote remote = new ResealRemote(tmp);
    remote.createRemoteBranch("pullsync");
    TestClock clock = new TestClock();
    try (Engine engine = remote.open(cluster, remote.settings("w1", true), clock)) {
      Report first = engine.reconciler().run(Trigger.full("startup"));

      assertThat(first.errors()).isEmpty();
      assertThat(first.result()).isNotEqualTo(Report.Result.FAILED);
      assertThat(first.notices())
          .anySatisfy(
              n ->
                  assertThat(n)
                      .startsWith("re-sealed values not pushed to branch " + remote.branch())
                      .contains("rejected")
                      .endsWith("; retrying with backoff"));
      assertThat(remote.head(remote.branch())).isNull();

      remote.deleteRemoteBranch("pullsync");
      Report waiting = engine.reconciler().run(Trigger.full("schedule"));
      assertThat(waiting.notices()).isEqualTo(first.notices());
      assertThat(remote.head(remote.branch())).as("not retried during the backoff").isNull();

      clock.advance(Duration.ofSeconds(31));
      Report retried = engine.reconciler().run(Trigger.full("schedule"));
      assertThat(retried.errors()).isEmpty();
      assertThat(remote.head(remote.branch())).isNotNull();
      assertThat(retried.notices())
          .anySatisfy(n -> assertThat(n).contains("are on branch " + remote.branch()));
    }
  }

  @Test
  void anUnreachableRemoteIsANoticeNotAnError() throws Exception {
    ResealRemote remote = new ResealRemote(tmp);
    remote.createRemoteBranch("pullsync");
    TestClock clock = new TestClock();
    try (Engine engine = remote.open(cluster, remote.settings("w1", true), clock)) {
      engine.reconciler().run(Trigger.full("startup"));
      Files.move(remote.bare(), tmp.resolve("gone.git"));
      clock.advance(Duration.ofMinutes(10)); // past the fetch's and the push's backoff

      Report report = engine.reconciler().run(Trigger.full("schedule"));

      assertThat(report.errors())
          .singleElement()
          .satisfies(e -> assertThat(e).contains("not found"));
      assertThat(report.appliedRevision()).isPresent(); // the last good revision is still enforced
      assertThat(report.notices())
          .anySatisfy(
              n ->
                  assertThat(n)
                      .startsWith("re-sealed values not pushed to branch " + remote.branch())
                      .endsWith("; retrying with backoff"));
    }
  }
}
