package dev.pullsync.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code git} section: the spec repository.
 *
 * @param url repository URL or local path; empty when only a flag ({@code --repo}) gives it
 * @param path directory inside the repository holding the spec; "" is the root
 * @param workDir where the clone lives; empty: a temporary directory
 */
public record GitSettings(
    Optional<String> url,
    String branch,
    String path,
    Optional<Path> workDir,
    Auth auth,
    Verify verify) {
  public GitSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(verify, "verify");
  }

  static GitSettings defaults() {
    Optional<Path> none = Optional.empty();
    return new GitSettings(
        Optional.empty(),
        "main",
        "",
        none,
        new Auth(none, none, none, none, none),
        new Verify(VerifyMode.NONE, none));
  }

  public GitSettings withUrl(String newUrl) {
    return new GitSettings(Optional.of(newUrl), branch, path, workDir, auth, verify);
  }

  public GitSettings withBranch(String newBranch) {
    return new GitSettings(url, newBranch, path, workDir, auth, verify);
  }

  public GitSettings withPath(String newPath) {
    return new GitSettings(url, branch, newPath, workDir, auth, verify);
  }

  /** Git credentials, each read from a file (a mounted Secret); empty: not used. */
  public record Auth(
      Optional<Path> tokenFile,
      Optional<Path> usernameFile,
      Optional<Path> passwordFile,
      Optional<Path> sshKeyFile,
      Optional<Path> knownHostsFile) {
    public Auth {
      Objects.requireNonNull(tokenFile, "tokenFile");
      Objects.requireNonNull(usernameFile, "usernameFile");
      Objects.requireNonNull(passwordFile, "passwordFile");
      Objects.requireNonNull(sshKeyFile, "sshKeyFile");
      Objects.requireNonNull(knownHostsFile, "knownHostsFile");
    }
  }

  /** Commit-signature verification; {@code keysFile} is set whenever {@code mode} is HEAD. */
  public record Verify(VerifyMode mode, Optional<Path> keysFile) {
    public Verify {
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(keysFile, "keysFile");
    }
  }

  /** none: no check; head: the fetched head commit must carry a good trusted signature. */
  public enum VerifyMode {
    NONE,
    HEAD
  }
}
