package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip a pull request makes: the agent ({@code run --once}) publishes its inventory on
 * the report branch of a real repository; a CI-style clone of it then plans its checked-out spec
 * with {@code plan --offline-from origin/pullsync-status --cluster test} (and {@code REF:PATH}),
 * after the cluster is gone. An unchanged spec plans nothing: what the agent published and what the
 * offline plan computes agree. Bad refs and files are named, exit 2.
 */
class OfflinePlanReadsTheReportBranchTest {
  @TempDir static Path tmp;
  private static EngineCli agent;
  private static Path checkout;

  @BeforeAll
  static void publishThenLoseTheCluster() throws Exception {
    try (MockCluster cluster = new MockCluster()) {
      cluster.namespace("user-example-com").serviceAccount("user-example-com", "default");
      cluster.namespace("team-a").serviceAccount("team-a", "default");
      agent = new EngineCli(tmp, cluster);
      CommandRun run = agent.run("run", "--report-branch", "pullsync-status");
      assertThat(run.exit()).as(run.err()).isZero();
    }
    checkout = tmp.resolve("checkout");
    Git.cloneRepository()
        .setURI(agent.repo.dir().toUri().toString())
        .setDirectory(checkout.toFile())
        .setCloneAllBranches(true)
        .call()
        .close();
  }

  @Test
  void anUnchangedSpecPlansNothingFromTheRemoteReportBranch() {
    CommandRun run = plan("--offline-from", "origin/pullsync-status", "--cluster", "test");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Planned offline against cluster test as reported at ")
        .contains("(`origin/pullsync-status:status/test.inventory.yaml`)")
        .contains("**no changes**")
        .doesNotContain(Fixtures.CANARY);
  }

  @Test
  void refColonPathNamesTheFileItself() {
    CommandRun run = plan("--offline-from", "origin/pullsync-status:status/test.inventory.yaml");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("**no changes**");
  }

  @Test
  void aResealedPasswordIsAChangeWithoutTheKeyAndNoneWithIt() throws Exception {
    Path file = checkout.resolve("harbor.yaml");
    String committed = java.nio.file.Files.readString(file);
    java.nio.file.Files.writeString(
        file, agent.repo.registry("harbor", Fixtures.HARBOR, "admin", Fixtures.CANARY));
    CommandRun blind;
    CommandRun keyed;
    try {
      blind = plan("--offline-from", "origin/pullsync-status", "--cluster", "test");
      keyed =
          plan(
              "--offline-from",
              "origin/pullsync-status",
              "--cluster",
              "test",
              "--key",
              agent.repo.keyFile().toString());
    } finally {
      java.nio.file.Files.writeString(file, committed);
    }

    assertThat(blind.exit()).as(blind.err()).isEqualTo(3);
    assertThat(blind.out())
        .contains("value re-sealed: Secrets are updated if the decrypted value differs")
        .contains("team-a", "user-example-com");
    assertThat(keyed.exit()).as(keyed.err()).isZero();
    assertThat(keyed.out()).contains("**no changes**");
    assertThat(blind.out() + blind.err() + keyed.out() + keyed.err())
        .doesNotContain(Fixtures.CANARY);
  }

  @Test
  void aMissingRefIsNamedWithExitTwo() {
    CommandRun run = plan("--offline-from", "origin/no-such-branch", "--cluster", "test");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("no ref origin/no-such-branch", "git fetch");
  }

  @Test
  void aMissingFileInTheRefNamesRefAndPath() {
    CommandRun run = plan("--offline-from", "origin/pullsync-status", "--cluster", "prod");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("origin/pullsync-status has no file status/prod.inventory.yaml");
  }

  @Test
  void aBareRefWithoutAClusterAsksForOne() {
    CommandRun run = plan("--offline-from", "origin/pullsync-status");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("pass --cluster NAME");
  }

  private static CommandRun plan(String... extra) {
    List<String> args =
        new ArrayList<>(List.of("plan", "--repo", checkout.toString(), "--format", "markdown"));
    args.addAll(List.of(extra));
    return CommandRun.of("", args.toArray(String[]::new));
  }
}
