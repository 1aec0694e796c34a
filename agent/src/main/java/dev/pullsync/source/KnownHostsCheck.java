package dev.pullsync.source;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.eclipse.jgit.internal.transport.sshd.OpenSshServerKeyDatabase;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts a server's host key only when the configured known_hosts file lists it for that host
 * (plain or hashed entries, {@code [host]:port} for other ports). Whatever an ssh config would say,
 * checking is strict: unknown hosts and changed keys are refused and nothing is written back.
 */
final class KnownHostsCheck implements ServerKeyDatabase {
  private static final Logger LOG = LoggerFactory.getLogger(KnownHostsCheck.class);
  private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

  private final ServerKeyDatabase delegate;
  private final Path knownHosts;

  KnownHostsCheck(Path knownHosts) {
    this.delegate = new OpenSshServerKeyDatabase(false, List.of(knownHosts));
    this.knownHosts = knownHosts;
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
    boolean accepted =
        delegate.accept(connectAddress, remoteAddress, serverKey, new Strict(config), null);
    if (!accepted) {
      String fingerprint = KeyUtils.getFingerPrint(BuiltinDigests.sha256, serverKey);
      boolean known = !lookup(connectAddress, remoteAddress, config).isEmpty();
      if (REPORTED.add(connectAddress + " " + fingerprint + " " + known)) {
        LOG.warn(
            "SSH host {} presented key {} {}; refused ({})",
            connectAddress,
            KeyUtils.getKeyType(serverKey),
            fingerprint,
            known
                ? "known_hosts "
                    + knownHosts
                    + " lists a different key for it: the key changed"
                    + " or someone is in between"
                : "not in known_hosts "
                    + knownHosts
                    + ": add it with ssh-keyscan after checking"
                    + " the fingerprint");
      }
    }
    return accepted;
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
