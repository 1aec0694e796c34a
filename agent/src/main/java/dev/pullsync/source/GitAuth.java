package dev.pullsync.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.Transport;

/**
 * How the agent authenticates to a Git remote, for fetching the spec and pushing the report. One
 * instance per remote; close it when the agent stops (SSH keeps a session factory).
 *
 * <ul>
 *   <li>{@link #none()}: local paths, {@code file://}, anonymous HTTPS.
 *   <li>{@link HttpsAuth}: a token or a user name and password, read from files (mounted Secrets)
 *       on every connection, so rotated credentials are picked up without a restart.
 *   <li>{@link SshAuth}: a private key (file or in memory) and a known_hosts file that is always
 *       checked strictly.
 * </ul>
 *
 * <p>It is a {@link TransportConfigCallback}: pass it to any JGit transport command with {@code
 * setTransportConfigCallback(auth)}, or call {@link #configure(TransportCommand)}.
 */
public interface GitAuth extends TransportConfigCallback, AutoCloseable {

  /** Sets credentials (HTTPS) or the SSH session factory on one transport. */
  @Override
  void configure(Transport transport);

  /** Applies this auth to one JGit fetch, push, clone or ls-remote. */
  default void configure(TransportCommand<?, ?> command) {
    command.setTransportConfigCallback(this);
  }

  /**
   * Values that must never appear in a message (the token or password as currently read), so
   * callers can scrub library exception texts with {@link RedactedUrl#scrub}.
   */
  List<String> secrets();

  @Override
  default void close() {}

  /** No credentials. */
  static GitAuth none() {
    return NoAuth.INSTANCE;
  }

  /**
   * The auth the agent configuration's {@code git.auth} files describe: {@code tokenFile} (sent
   * with the user name in {@code usernameFile}, or {@value HttpsAuth#TOKEN_USER}), else {@code
   * usernameFile} + {@code passwordFile}, else {@code sshKeyFile} + {@code knownHostsFile} (both
   * required: there is no "accept any host key"), else none.
   *
   * @param workDir the agent's work folder (SSH keeps an empty home directory there)
   * @throws IllegalArgumentException for an incomplete combination, naming the missing field
   */
  static GitAuth fromFiles(
      Optional<Path> tokenFile,
      Optional<Path> usernameFile,
      Optional<Path> passwordFile,
      Optional<Path> sshKeyFile,
      Optional<Path> knownHostsFile,
      Path workDir) {
    if (tokenFile.isPresent()) {
      return usernameFile
          .map(user -> HttpsAuth.tokenWithUserFile(tokenFile.get(), user))
          .orElseGet(() -> HttpsAuth.token(tokenFile.get()));
    }
    if (passwordFile.isPresent() || (usernameFile.isPresent() && sshKeyFile.isEmpty())) {
      if (usernameFile.isEmpty() || passwordFile.isEmpty()) {
        throw new IllegalArgumentException(
            "git.auth: usernameFile and passwordFile must be given together");
      }
      return HttpsAuth.basic(usernameFile.get(), passwordFile.get());
    }
    if (sshKeyFile.isPresent()) {
      Path knownHosts =
          knownHostsFile.orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "git.auth.knownHostsFile: required with sshKeyFile (host keys are always"
                          + " checked; create it with ssh-keyscan)"));
      return SshAuth.keyFile(sshKeyFile.get(), knownHosts, workDir.resolve("ssh"));
    }
    return none();
  }

  /** The no-credentials case. */
  enum NoAuth implements GitAuth {
    INSTANCE;

    @Override
    public void configure(Transport transport) {}

    @Override
    public List<String> secrets() {
      return List.of();
    }
  }
}
