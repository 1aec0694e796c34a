package dev.pullsync.source;

import java.util.List;
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
