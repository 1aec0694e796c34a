package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.source.OpenPgpTestKey;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --once} with the configuration's Git options: verify mode head, report path. */
class RunOnceGitOptionsTest {
  @TempDir Path tmp;
  private final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void anUnsignedHeadIsNotAppliedUnderVerifyModeHead() throws Exception {
    cluster.namespace("user-example-com").serviceAccount("user-example-com", "default");
    EngineCli cli = new EngineCli(tmp, cluster);
    OpenPgpTestKey key = new OpenPgpTestKey("Platform <platform@example.com>", new SecureRandom());
    Path keys = Files.writeString(tmp.resolve("trusted.asc"), key.armoredPublicKey());
    Path config =
        Files.writeString(
            tmp.resolve("agent.yaml"),
            "git:\n  verify:\n    mode: head\n    keysFile: " + keys + "\n");

    CommandRun run = cli.run("run", "--config", config.toString());

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out() + run.err()).contains("is not signed");
    assertThat(cluster.pullSecretsOf("user-example-com", "default")).isEmpty();
  }

  @Test
  void aReportUnderAPathOfTheSourceBranchIsNeitherSpecNorANewRevision() throws Exception {
    cluster.namespace("user-example-com").serviceAccount("user-example-com", "default");
    EngineCli cli = new EngineCli(tmp, cluster);
    Path bare = tmp.resolve("shared.git");
    Git.cloneRepository()
        .setBare(true)
        .setURI(cli.repo.dir().toUri().toString())
        .setDirectory(bare.toFile())
        .call()
        .close();
    Path config = Files.writeString(tmp.resolve("agent.yaml"), "report:\n  path: status\n");

    for (int i = 0; i < 3; i++) {
      CommandRun run = run(cli, bare, config);
      assertThat(run.exit()).as(run.out() + run.err()).isZero();
    }
    try (Git git = Git.open(bare.toFile())) {
      Repository repo = git.getRepository();
      List<RevCommit> history = new ArrayList<>();
      git.log().add(repo.resolve("refs/heads/main")).call().forEach(history::add);
      // the spec commit, the first report (created 1, linked 1), the second (nothing to do);
      // the third run reports the same as the second and commits nothing
      assertThat(history)
          .as(history.stream().map(RevCommit::getFullMessage).toList().toString())
          .hasSize(3);
      RevCommit spec = history.get(2);
      assertThat(history.get(0).getShortMessage())
          .isEqualTo(
              "status(test): Synced at "
                  + spec.abbreviate(7).name()
                  + " \u2014 0 drifted, 0 failed");
      var yaml = repo.resolve("refs/heads/main:status/test.yaml");
      String text = new String(repo.open(yaml).getBytes(), StandardCharsets.UTF_8);
      assertThat(text)
          .contains("revision: main@sha1:" + spec.name())
          .doesNotContain(Fixtures.CANARY);
    }
  }

  private CommandRun run(EngineCli cli, Path bare, Path config) {
    return CommandRun.of(
        "",
        "run",
        "--once",
        "--config",
        config.toString(),
        "--repo",
        bare.toUri().toString(),
        "--key",
        cli.repo.keyFile().toString(),
        "--kubeconfig",
        cluster.kubeconfig(tmp).toString(),
        "--work-dir",
        tmp.resolve("work").toString(),
        "--cluster",
        "test");
  }
}
