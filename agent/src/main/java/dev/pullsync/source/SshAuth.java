package dev.pullsync.source;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * SSH with one private key and a known_hosts file (Apache MINA through {@code
 * org.eclipse.jgit.ssh.apache}). The server's host key must match an entry of the known_hosts file:
 * an unknown host or a changed key is refused, never accepted or remembered. Nothing is read from
 * the user's {@code ~/.ssh}: home and ssh directories point into the agent's work folder, and no
 * ssh config file is used. Keys must not be passphrase-protected (they come from a Secret).
 */
public final class SshAuth implements GitAuth {
  private final SshdSessionFactory factory;
  private final String description;

  private SshAuth(SshdSessionFactoryBuilder builder, Path knownHosts, Path workDir, String what) {
    requireReadable(knownHosts, "known_hosts file");
    File home = workDir.resolve("ssh-home").toFile();
    File sshDir = new File(home, ".ssh");
    if (!sshDir.isDirectory() && !sshDir.mkdirs()) {
      throw new UncheckedIOException(new IOException("cannot create " + sshDir));
    }
    Path noConfig = sshDir.toPath().resolve("config-not-used");
    this.factory =
        builder
            .setHomeDirectory(home)
            .setSshDirectory(sshDir)
            .setConfigFile(f -> noConfig.toFile())
            .setPreferredAuthentications("publickey")
            .setDefaultKnownHostsFiles(f -> List.of(knownHosts))
            .setServerKeyDatabase((h, s) -> new KnownHostsCheck(knownHosts))
            .build(new JGitKeyCache());
    this.description = "SshAuth[" + what + ", known hosts " + knownHosts + "]";
  }

  /** A private key in a file (OpenSSH or PEM format, unencrypted). */
  public static SshAuth keyFile(Path privateKey, Path knownHosts, Path workDir) {
    requireReadable(privateKey, "SSH private key");
    Function<File, List<Path>> identities = f -> List.of(privateKey);
    SshdSessionFactoryBuilder builder =
        new SshdSessionFactoryBuilder().setDefaultIdentities(identities);
    return new SshAuth(builder, knownHosts, workDir, "key file " + privateKey);
  }

  /** A key pair already in memory (for example decrypted from a sealed value). */
  public static SshAuth keyPair(KeyPair keyPair, Path knownHosts, Path workDir) {
    Objects.requireNonNull(keyPair, "keyPair");
    SshdSessionFactoryBuilder builder =
        new SshdSessionFactoryBuilder().setDefaultKeysProvider(f -> List.of(keyPair));
    return new SshAuth(builder, knownHosts, workDir, "in-memory key");
  }

  @Override
  public void configure(Transport transport) {
    if (transport instanceof SshTransport ssh) {
      ssh.setSshSessionFactory(factory);
    }
  }

  @Override
  public List<String> secrets() {
    return List.of();
  }

  @Override
  public void close() {
    factory.close();
  }

  private static void requireReadable(Path file, String what) {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException(what + " " + file + " is missing or unreadable");
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
