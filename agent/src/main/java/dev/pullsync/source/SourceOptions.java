package dev.pullsync.source;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the spec comes from and how to reach it.
 *
 * @param repo a local path or a URL ({@code file://}, and with {@code auth} {@code https://} or
 *     {@code ssh://})
 * @param branch the branch whose head is pinned (default {@code main})
 * @param path the spec directory inside the repository ({@code ""} = root)
 * @param workDir where our own clones live (never the user's checkout)
 * @param auth remote authentication (HTTPS token or password, SSH key); {@link GitAuth#none()}
 * @param verifier checks each fetched commit before it is used
 * @param excludedPath a repository directory the agent writes its own report to on this branch
 *     ({@code ReportTarget#excludedSpecPath}): commits touching only it are not new revisions, and
 *     its files are removed from the checkout so the spec loader never reads them
 * @param oneShot a command that fetches once and exits ({@code plan}, {@code run --once}): a failed
 *     fetch is the command's error, not a warning about a retry that never comes
 */
public record SourceOptions(
    String repo,
    String branch,
    String path,
    Path workDir,
    GitAuth auth,
    CommitVerifier verifier,
    Optional<String> excludedPath,
    boolean oneShot) {
  public SourceOptions {
    Objects.requireNonNull(repo, "repo");
    branch = branch == null || branch.isBlank() ? "main" : branch;
    path = path == null ? "" : path;
    workDir = workDir == null ? defaultWorkDir() : workDir;
    auth = auth == null ? GitAuth.none() : auth;
    verifier = verifier == null ? CommitVerifier.ACCEPT_ALL : verifier;
    excludedPath = excludedPath == null ? Optional.empty() : excludedPath;
  }

  public SourceOptions(
      String repo,
      String branch,
      String path,
      Path workDir,
      GitAuth auth,
      CommitVerifier verifier,
      Optional<String> excludedPath) {
    this(repo, branch, path, workDir, auth, verifier, excludedPath, false);
  }

  public SourceOptions(
      String repo,
      String branch,
      String path,
      Path workDir,
      GitAuth auth,
      CommitVerifier verifier) {
    this(repo, branch, path, workDir, auth, verifier, Optional.empty());
  }

  /** Local repository, default branch handling, no auth, no verification. */
  public static SourceOptions local(String repo, String branch, String path) {
    return new SourceOptions(repo, branch, path, null, GitAuth.none(), null);
  }

  /** {@code <java.io.tmpdir>/pullsync-work}. */
  public static Path defaultWorkDir() {
    return Path.of(System.getProperty("java.io.tmpdir"), "pullsync-work");
  }

  public SourceOptions withWorkDir(Path dir) {
    return new SourceOptions(repo, branch, path, dir, auth, verifier, excludedPath, oneShot);
  }

  public SourceOptions withAuth(GitAuth gitAuth) {
    return new SourceOptions(repo, branch, path, workDir, gitAuth, verifier, excludedPath, oneShot);
  }

  public SourceOptions withVerifier(CommitVerifier commitVerifier) {
    return new SourceOptions(
        repo, branch, path, workDir, auth, commitVerifier, excludedPath, oneShot);
  }

  /** Reports are written under {@code dir} on this same branch; see {@code excludedPath}. */
  public SourceOptions withExcludedPath(Optional<String> dir) {
    return new SourceOptions(repo, branch, path, workDir, auth, verifier, dir, oneShot);
  }

  /** For a command that fetches once and exits; see {@code oneShot}. */
  public SourceOptions asOneShot() {
    return new SourceOptions(repo, branch, path, workDir, auth, verifier, excludedPath, true);
  }
}
