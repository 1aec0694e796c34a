package dev.pullsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several real JVM processes on one host, one per cluster, each doing what {@code run --once} does
 * with Git (fetch the spec, commit and push the cluster's report) against one repository and one
 * shared work directory, all at once, round after round: every process succeeds, every reported
 * commit is on the remote branch, and each cluster's report is that round's. The suite runs 4
 * processes x 2 rounds; the figure of the issue (8 x 10) is the same test with {@code
 * -Dpullsync.processes=8 -Dpullsync.rounds=10}.
 */
class SeveralProcessesShareOneRepositoryTest {
  private static final String BRANCH = "pullsync-status";

  @TempDir Path tmp;

  @Test
  void everyProcessesReportLandsEveryRound() throws Exception {
    int processes = Integer.getInteger("pullsync.processes", 4);
    int rounds = Integer.getInteger("pullsync.rounds", 2);
    try (GitReportRepo remote = GitReportRepo.bare(tmp.resolve("shared.git"))) {
      seedSpec(remote.url());
      Path work = tmp.resolve("pullsync-work");
      long total = 0;
      for (int round = 1; round <= rounds; round++) {
        long start = System.nanoTime();
        List<Process> children = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
          children.add(start(remote.url(), work, "edge-" + p, round));
        }
        List<String> commits = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
          Process child = children.get(p);
          assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
          String out = output(p, round);
          assertThat(child.exitValue()).as(out).isZero();
          assertThat(out).as("never a lock error").doesNotContain("Cannot lock");
          commits.add(
              out.lines()
                  .filter(l -> l.startsWith("RESULT "))
                  .findFirst()
                  .orElseThrow()
                  .split(" ")[2]);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        total += millis;
        Set<String> history =
            remote.history(BRANCH).stream().map(RevCommit::name).collect(Collectors.toSet());
        assertThat(history)
            .as("round %d: every logged commit is on the remote", round)
            .containsAll(commits);
        for (int p = 0; p < processes; p++) {
          String cluster = "edge-" + p;
          assertThat(remote.file(BRANCH, "status/" + cluster + ".yaml"))
              .as("round %d, %s", round, cluster)
              .contains(
                  new YamlReport()
                      .render(ReportProcess.reportFor(cluster, round, revision(remote))));
        }
        System.out.printf(
            "round %d: %d processes, all reports landed in %d ms%n", round, processes, millis);
      }
      System.out.printf(
          "%d processes x %d rounds: every report landed, %d ms in all%n",
          processes, rounds, total);
    }
  }

  private Process start(String url, Path work, String cluster, int round) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-Xshare:auto",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            ReportProcess.class.getName(),
            url,
            work.toString(),
            cluster,
            Integer.toString(round))
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("out-" + cluster + "-" + round + ".txt").toFile())
        .start();
  }

  private String output(int p, int round) throws Exception {
    return Files.readString(
        tmp.resolve("out-edge-" + p + "-" + round + ".txt"), StandardCharsets.UTF_8);
  }

  private String seeded;

  private String revision(GitReportRepo remote) {
    return "main@sha1:" + seeded;
  }

  private void seedSpec(String url) throws Exception {
    try (Git work =
        Git.init().setInitialBranch("main").setDirectory(tmp.resolve("spec").toFile()).call()) {
      Files.writeString(tmp.resolve("spec/registries.yaml"), "kind: Registry\n");
      work.add().addFilepattern(".").call();
      seeded =
          work.commit()
              .setMessage("spec")
              .setAuthor("t", "t@example.com")
              .setCommitter("t", "t@example.com")
              .call()
              .name();
      work.push().setRemote(url).add("main").call();
    }
  }
}
