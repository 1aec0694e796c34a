package dev.pullsync.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A spec repository as a CI runner sees it, made with the git CLI: a bare {@code origin.git}
 * (branch main with the spec under {@code spec/}, optionally the agent's report branch), and the
 * pull request checked out as actions/checkout does it: init, a shallow fetch of the pull request's
 * commit, a detached HEAD, no other branch.
 */
final class CiCheckout {
  static final String SPEC_PATH = "spec";

  private final Path root;
  private final Path origin;
  private final Path work;
  private int checkouts;

  CiCheckout(Path root) throws IOException, InterruptedException {
    this.root = root;
    this.origin = root.resolve("origin.git");
    this.work = root.resolve("author");
    Files.createDirectories(root);
    git(root, "init", "--quiet", "--bare", "--initial-branch=main", origin.toString());
    git(root, "clone", "--quiet", origin.toUri().toString(), work.toString());
    copyTree(Sh.ROOT.resolve("examples/kubeflow-harbor"), work.resolve(SPEC_PATH));
    git(work, "add", "-A");
    git(work, "commit", "--quiet", "-m", "spec");
    git(work, "push", "--quiet", "origin", "HEAD:refs/heads/main");
  }

  /**
   * Publishes {@code status/<cluster>.inventory.yaml} on an orphan report branch, as the agent
   * does.
   */
  void publishInventory(String branch, String cluster, String yaml)
      throws IOException, InterruptedException {
    git(work, "checkout", "--quiet", "--orphan", branch);
    git(work, "rm", "--quiet", "-r", "--cached", ".");
    Path file = work.resolve("status/" + cluster + ".inventory.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    git(work, "add", "status");
    git(work, "commit", "--quiet", "-m", "status(" + cluster + ")");
    git(work, "push", "--quiet", "origin", "HEAD:refs/heads/" + branch);
    git(work, "checkout", "--quiet", "-f", "main");
    git(work, "clean", "--quiet", "-fdx");
  }

  /**
   * Commits {@code files} (path in the spec → content) on a pull-request ref and returns a checkout
   * of it as the CI runner makes one.
   */
  Path pullRequest(int number, Map<String, String> files) throws IOException, InterruptedException {
    git(work, "checkout", "--quiet", "-B", "pr-" + number, "main");
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(work.resolve(SPEC_PATH).resolve(f.getKey()), f.getValue());
    }
    git(work, "commit", "--quiet", "--allow-empty", "-am", "pull request " + number);
    String ref = "refs/pull/" + number + "/merge";
    git(work, "push", "--quiet", "origin", "+HEAD:" + ref);
    Path ci = root.resolve("ci-" + number + "-" + ++checkouts);
    git(root, "init", "--quiet", ci.toString());
    git(ci, "remote", "add", "origin", origin.toUri().toString());
    git(
        ci,
        "fetch",
        "--quiet",
        "--no-tags",
        "--depth=1",
        "origin",
        "+" + ref + ":refs/remotes/pull/" + number + "/merge");
    git(ci, "checkout", "--quiet", "--detach", "refs/remotes/pull/" + number + "/merge");
    return ci;
  }

  /** The bare repository the agent and the CI checkouts use as origin. */
  Path origin() {
    return origin;
  }

  /** The text of a spec file on main. */
  String specFile(String name) throws IOException {
    return Files.readString(Sh.ROOT.resolve("examples/kubeflow-harbor").resolve(name));
  }

  static String git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "git",
                "-c",
                "user.name=Author",
                "-c",
                "user.email=author@example.com",
                "-c",
                "commit.gpgsign=false"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
    return out;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }
}
