package dev.pullsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.report.Report;
import dev.pullsync.testkit.CapturedLogs;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.unseal.Unsealed;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code reseal.pushBranch} on, an agent whose spec values are sealed with a key older than
 * the active one pushes {@code pullsync/reseal-<active key id>} to the spec's remote: one commit on
 * top of the spec head whose files differ from it only in their ciphertexts, which open with the
 * new key alone to the same credentials. The spec branch stays where it was, the report names the
 * branch, and the canary plaintext shows nowhere (logs, report, pushed files, work folders).
 */
class PushesResealBranchForOlderKeyValuesTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void pushesTheReSealedFilesToABranchAndLeavesTheSpecBranchAlone() throws Exception {
    ResealRemote remote = new ResealRemote(tmp);
    String specHead = remote.head("main");
    Map<String, String> before = remote.files("main");

    Report report;
    List<String> logs;
    try (CapturedLogs captured = new CapturedLogs();
        Engine engine = remote.open(cluster, remote.settings("w1", true), Clock.systemUTC())) {
      report = engine.reconciler().run(Trigger.full("startup"));
      logs = captured.lines();
    }

    assertThat(report.errors()).isEmpty();
    assertThat(report.result()).isNotEqualTo(Report.Result.FAILED);
    assertThat(remote.head("main")).isEqualTo(specHead);
    assertThat(remote.head(remote.branch())).isNotNull();
    assertThat(remote.parentOf(remote.branch())).isEqualTo(specHead);
    assertThat(report.notices())
        .anySatisfy(n -> assertThat(n).contains("sealed with a key older than the active one"))
        .contains(
            "values re-sealed for the active key are on branch "
                + remote.branch()
                + "; open a pull request from it into main");

    Map<String, String> after = remote.files(remote.branch());
    assertThat(after.keySet()).isEqualTo(before.keySet());
    int values = 0;
    for (String file : before.keySet()) {
      String was = before.get(file);
      String now = after.get(file);
      assertThat(ResealRemote.masked(now)).as(file).isEqualTo(ResealRemote.masked(was));
      List<String> old = ResealRemote.ciphertexts(was);
      assertThat(ResealRemote.ciphertexts(now)).as(file).hasSameSizeAs(old);
      ResealRemote.ciphertexts(now).forEach(c -> assertThat(old).as(file).doesNotContain(c));
      values += old.size();
    }
    assertThat(values).isGreaterThanOrEqualTo(6);
    assertThat(after.get("README.md")).isEqualTo(before.get("README.md"));

    Unsealed original = remote.unseal(before, "main", List.of(ResealRemote.OLD_KEY));
    Unsealed moved = remote.unseal(after, "branch", List.of(ResealRemote.NEW_KEY));
    assertThat(moved.credentials()).isEqualTo(original.credentials());
    assertThat(moved.keyAge().older()).isZero();

    assertThat(String.join("\n", logs)).doesNotContain(ResealRemote.CANARY);
    assertThat(report.toString()).doesNotContain(ResealRemote.CANARY);
    assertThat(String.join("\n", after.values())).doesNotContain(ResealRemote.CANARY);
    assertThat(ResealRemote.everything(tmp.resolve("w1"))).doesNotContain(ResealRemote.CANARY);
    assertThat(ResealRemote.everything(remote.bare())).doesNotContain(ResealRemote.CANARY);
  }
}
