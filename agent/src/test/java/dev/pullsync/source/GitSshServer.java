package dev.pullsync.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;

/**
 * Apache MINA SSH server on a random loopback port that runs JGit's upload-pack and receive-pack
 * for one repository and accepts exactly one client public key.
 */
final class GitSshServer implements AutoCloseable {
  private final SshServer sshd;
  private final KeyPair hostKey;

  GitSshServer(Repository repo, PublicKey allowedClientKey) throws Exception {
    hostKey = newKeyPair();
    sshd = SshServer.setUpDefaultServer();
    sshd.setHost("127.0.0.1");
    sshd.setPort(0);
    sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    sshd.setPasswordAuthenticator(null);
    sshd.setKeyboardInteractiveAuthenticator(null);
    sshd.setPublickeyAuthenticator(
        (user, key, session) -> KeyUtils.compareKeys(key, allowedClientKey));
    sshd.setCommandFactory((channel, command) -> new GitCommand(repo, command));
    sshd.start();
  }

  static KeyPair newKeyPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  String url() {
    return "ssh://git@127.0.0.1:" + sshd.getPort() + "/spec.git";
  }

  PublicKey hostKey() {
    return hostKey.getPublic();
  }

  /** The known_hosts line for this server, as {@code ssh-keyscan -p PORT 127.0.0.1} prints it. */
  String knownHostsLine() {
    return knownHostsLine(hostKey.getPublic());
  }

  /** A known_hosts line for this host and port with another key. */
  String knownHostsLine(PublicKey key) {
    return "[127.0.0.1]:" + sshd.getPort() + " " + PublicKeyEntry.toString(key) + "\n";
  }

  @Override
  public void close() throws IOException {
    sshd.stop(true);
  }

  /** {@code git-upload-pack '/spec.git'} or {@code git-receive-pack '/spec.git'}. */
  private static final class GitCommand implements Command {
    private final Repository repo;
    private final String command;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    GitCommand(Repository repo, String command) {
      this.repo = repo;
      this.command = command;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
      Thread worker = new Thread(this::run, "test-ssh-git");
      worker.setDaemon(true);
      worker.start();
    }

    private void run() {
      try {
        List<String> words = org.apache.sshd.server.command.CommandFactory.split(command);
        if (words.get(0).equals("git-upload-pack")) {
          new UploadPack(repo).upload(in, out, err);
        } else if (words.get(0).equals("git-receive-pack")) {
          new ReceivePack(repo).receive(in, out, err);
        } else {
          exit.onExit(127, "unknown command");
          return;
        }
        out.flush();
        exit.onExit(0);
      } catch (IOException | RuntimeException e) {
        exit.onExit(1, String.valueOf(e.getMessage()));
      }
    }

    @Override
    public void destroy(ChannelSession channel) {}

    @Override
    public void setInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
      this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
      this.exit = callback;
    }
  }
}
