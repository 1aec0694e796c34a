package dev.pullsync.report;

import java.util.Objects;
import java.util.Optional;

/**
 * Where reports go: a remote, a branch and a directory in it. Each cluster owns exactly three
 * files, {@code <directory>/<cluster>.yaml}, {@code .md} and {@code .inventory.yaml}; everything
 * else on the branch (other clusters' reports, the spec when the branch is the source branch) is
 * kept as is.
 *
 * @param remote the Git URL or local path (may be the spec repository itself)
 * @param branch default {@value #DEFAULT_BRANCH}; created as an orphan branch when missing
 * @param directory default {@value #DEFAULT_DIRECTORY}
 */
public record ReportTarget(String remote, String branch, String directory) {
  public static final String DEFAULT_BRANCH = "pullsync-status";
  public static final String DEFAULT_DIRECTORY = "status";

  public ReportTarget {
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(directory, "directory");
    branch = branch.startsWith("refs/heads/") ? branch.substring("refs/heads/".length()) : branch;
    directory = trimSlashes(directory);
    if (branch.isBlank() || directory.isBlank() || directory.contains("..")) {
      throw new IllegalArgumentException("report branch and path must be non-empty and relative");
    }
  }

  /** The default: branch {@value #DEFAULT_BRANCH}, directory {@value #DEFAULT_DIRECTORY}. */
  public static ReportTarget onStatusBranch(String remote) {
    return new ReportTarget(remote, DEFAULT_BRANCH, DEFAULT_DIRECTORY);
  }

  String yamlPath(String cluster) {
    return directory + "/" + cluster + ".yaml";
  }

  String inventoryPath(String cluster) {
    return directory + "/" + cluster + ".inventory.yaml";
  }

  String markdownPath(String cluster) {
    return directory + "/" + cluster + ".md";
  }

  /**
   * The repository path the spec loader must skip when reports are written onto the source branch
   * itself, so the agent's own report commits never count as spec files; empty when the report goes
   * to another branch or repository.
   */
  public Optional<String> excludedSpecPath(String sourceRemote, String sourceBranch) {
    String source =
        sourceBranch.startsWith("refs/heads/")
            ? sourceBranch.substring("refs/heads/".length())
            : sourceBranch;
    boolean sameBranch = remote.equals(sourceRemote) && branch.equals(source);
    return sameBranch ? Optional.of(directory) : Optional.empty();
  }

  private static String trimSlashes(String path) {
    String p = path.strip();
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
