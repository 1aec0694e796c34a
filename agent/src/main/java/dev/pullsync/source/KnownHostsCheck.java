package dev.pullsync.source;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import org.eclipse.jgit.internal.transport.sshd.OpenSshServerKeyDatabase;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;

/**
 * Accepts a server's host key only when the configured known_hosts file lists it for that host
 * (plain or hashed entries, {@code [host]:port} for other ports). Whatever an ssh config would say,
 * checking is strict: unknown hosts and changed keys are refused and nothing is written back.
 */
final class KnownHostsCheck implements ServerKeyDatabase {
  private final ServerKeyDatabase delegate;

  KnownHostsCheck(Path knownHosts) {
    this.delegate = new OpenSshServerKeyDatabase(false, List.of(knownHosts));
  }

  @Override
  public List<PublicKey> lookup(
      String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
    return delegate.lookup(connectAddress, remoteAddress, new Strict(config));
  }

  @Override
  public boolean accept(
      String connectAddress,
      InetSocketAddress remoteAddress,
      PublicKey serverKey,
      Configuration config,
      CredentialsProvider provider) {
    return delegate.accept(connectAddress, remoteAddress, serverKey, new Strict(config), null);
  }

  /** The session's configuration with strict checking and only our known_hosts file. */
  private record Strict(Configuration base) implements Configuration {
    @Override
    public List<String> getUserKnownHostsFiles() {
      return List.of();
    }

    @Override
    public List<String> getGlobalKnownHostsFiles() {
      return List.of();
    }

    @Override
    public StrictHostKeyChecking getStrictHostKeyChecking() {
      return StrictHostKeyChecking.REQUIRE_MATCH;
    }

    @Override
    public boolean getHashKnownHosts() {
      return false;
    }

    @Override
    public String getUsername() {
      return base.getUsername();
    }
  }
}
