package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.testkit.CapturedLogs;
import dev.pullsync.testkit.MockCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The errors a first hour meets name the problem as the user wrote it: a folder that is not a Git
 * repository, a {@code --path} typo, a missing key (no {@code (command line):0:} prefix), a missing
 * {@code --cert}, an unusable {@code --kubeconfig}, and a {@code validate} path with no spec in it
 * (exit 2, so a wrong path in CI cannot pass). A one-shot {@code plan} never promises a retry.
 */
class FirstHourErrorsNameTheProblemTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void planOnAFolderThatIsNotGitSaysSoAndPromisesNoRetry() throws Exception {
    EngineCli cli = new EngineCli(tmp, cluster);
    Path notGit = Files.createDirectories(tmp.resolve("just-a-folder"));

    CommandRun plan;
    try (CapturedLogs logs = new CapturedLogs()) {
      plan = plan(cli, notGit.toString(), cluster.kubeconfig(tmp));
      assertThat(logs.lines()).noneMatch(l -> l.contains("retrying with backoff"));
    }

    assertThat(plan.exit()).isEqualTo(1);
    assertThat(plan.err().strip()).isEqualTo("pullsync: " + notGit + ": not a Git repository");
  }

  @Test
  void pathTypoIsNamedAsWritten() {
    EngineCli cli = new EngineCli(tmp, cluster);

    CommandRun plan = cli.run("plan", "--path", "clusterz/prod");

    assertThat(plan.exit()).isEqualTo(1);
    assertThat(plan.err()).contains("path clusterz/prod not found in").doesNotContain("work");
  }

  @Test
  void missingKeyHasNoCommandLinePrefix() {
    CommandRun plan = CommandRun.of("", "plan", "--repo", tmp.toString());

    assertThat(plan.exit()).isEqualTo(2);
    assertThat(plan.err().strip())
        .isEqualTo("pullsync: --key: no private keys: give --key FILE or --keys-from-cluster");
  }

  @Test
  void sealWithAMissingCertificateNamesTheFile() {
    CommandRun seal = CommandRun.of("secret", "seal", "--cert", "missing.crt");

    assertThat(seal.exit()).isEqualTo(2);
    assertThat(seal.err().lines().findFirst().orElse(""))
        .isEqualTo("pullsync: --cert missing.crt: no such file (it does not exist)");
    assertThat(seal.err()).doesNotContain("NoSuchFileException").doesNotContain("--namespace");
  }

  @Test
  void unusableKubeconfigIsNamed() throws Exception {
    EngineCli cli = new EngineCli(tmp, cluster);
    Path empty = Files.writeString(tmp.resolve("empty-kubeconfig"), "");

    String repo = cli.repo.dir().toString();
    CommandRun missing = plan(cli, repo, tmp.resolve("nope"));
    CommandRun unusable = plan(cli, repo, empty);

    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("--kubeconfig " + tmp.resolve("nope") + ": no such file");
    assertThat(unusable.exit()).isEqualTo(2);
    assertThat(unusable.err()).contains("not a usable kubeconfig").doesNotContain("internal error");
  }

  private CommandRun plan(EngineCli cli, String repo, Path kubeconfig) {
    return CommandRun.of(
        "",
        "plan",
        "--repo",
        repo,
        "--key",
        cli.repo.keyFile().toString(),
        "--kubeconfig",
        kubeconfig.toString(),
        "--work-dir",
        tmp.resolve("work").toString());
  }

  @Test
  void validateOnAFolderWithoutSpecIsAnError() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("spec"));
    Files.writeString(empty.resolve("README.md"), "not a spec\n");

    CommandRun validate = CommandRun.of("", "validate", empty.toString());

    assertThat(validate.exit()).isEqualTo(2);
    assertThat(validate.err()).contains("no Registry or PullSecret found");
    assertThat(validate.out()).doesNotContain("OK");
  }
}
