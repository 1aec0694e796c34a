package dev.pullsync.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pullsync.testkit.CapturedLogs;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetchesOverSshWithKnownHostsTest {
  @TempDir Path tmp;
  private SpecRepo spec;
  private RevCommit head;
  private KeyPair clientKey;
  private GitSshServer server;

  @BeforeEach
  void start() throws Exception {
    spec = SpecRepo.create(tmp);
    head = spec.commit("registries/harbor.yaml", "kind: Registry\n");
    clientKey = GitSshServer.newKeyPair();
    server = new GitSshServer(spec.bare(), clientKey.getPublic());
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    spec.close();
  }

  @Test
  void clonesWithAKeyFileAndAKnownHost() throws Exception {
    Path knownHosts = write("known_hosts", server.knownHostsLine());
    try (SshAuth auth = SshAuth.keyFile(keyFile(clientKey), knownHosts, tmp.resolve("work"));
        Git clone = clone(auth)) {
      assertThat(clone.getRepository().resolve("refs/heads/main")).isEqualTo(head);
    }
  }

  @Test
  void clonesWithAnEd25519KeyFile() throws Exception {
    server.close();
    KeyPair ed25519 =
        java.security.KeyPairGenerator.getInstance(
                "Ed25519", new org.bouncycastle.jce.provider.BouncyCastleProvider())
            .generateKeyPair();
    server = new GitSshServer(spec.bare(), ed25519.getPublic());
    Path knownHosts = write("known_hosts", server.knownHostsLine());
    try (SshAuth auth = SshAuth.keyFile(keyFile(ed25519), knownHosts, tmp.resolve("work"));
        Git clone = clone(auth)) {
      assertThat(clone.getRepository().resolve("refs/heads/main")).isEqualTo(head);
    }
  }

  @Test
  void clonesWithAnInMemoryKey() throws Exception {
    Path knownHosts = write("known_hosts", server.knownHostsLine());
    try (SshAuth auth = SshAuth.keyPair(clientKey, knownHosts, tmp.resolve("work"));
        Git clone = clone(auth)) {
      assertThat(clone.getRepository().resolve("refs/heads/main")).isEqualTo(head);
    }
  }

  @Test
  void refusesAHostThatIsNotInKnownHosts() throws Exception {
    Path knownHosts = write("known_hosts", "# nothing trusted yet\n");
    try (CapturedLogs logs = new CapturedLogs();
        SshAuth auth = SshAuth.keyPair(clientKey, knownHosts, tmp.resolve("work"))) {
      Throwable failure = catchThrowable(() -> clone(auth).close());
      assertThat(failure).isInstanceOf(TransportException.class);
      assertThat(Files.readString(knownHosts)).isEqualTo("# nothing trusted yet\n");
      assertThat(RedactedUrl.describe(failure, List.of())).contains("Server key did not validate");
      assertThat(logs.lines())
          .anySatisfy(
              l ->
                  assertThat(l)
                      .contains(fingerprint(server.hostKey()))
                      .contains("not in known_hosts"));
    }
  }

  @Test
  void refusesAHostWhoseKeyChanged() throws Exception {
    KeyPair impostor = GitSshServer.newKeyPair();
    Path knownHosts = write("known_hosts", server.knownHostsLine(impostor.getPublic()));
    try (CapturedLogs logs = new CapturedLogs();
        SshAuth auth = SshAuth.keyPair(clientKey, knownHosts, tmp.resolve("work"))) {
      Throwable failure = catchThrowable(() -> clone(auth).close());
      assertThat(failure).isInstanceOf(TransportException.class);
      assertThat(logs.lines())
          .anySatisfy(
              l ->
                  assertThat(l)
                      .contains(fingerprint(server.hostKey()))
                      .contains("lists a different key"));
    }
  }

  @Test
  void refusesAClientKeyTheServerDoesNotKnow() throws Exception {
    Path knownHosts = write("known_hosts", server.knownHostsLine());
    KeyPair stranger = GitSshServer.newKeyPair();
    try (SshAuth auth = SshAuth.keyFile(keyFile(stranger), knownHosts, tmp.resolve("work"))) {
      Throwable failure = catchThrowable(() -> clone(auth).close());
      assertThat(failure).isInstanceOf(TransportException.class);
    }
  }

  private Git clone(SshAuth auth) throws Exception {
    Path dir = Files.createTempDirectory(tmp, "clone");
    return Git.cloneRepository()
        .setURI(server.url())
        .setDirectory(dir.toFile())
        .setBare(true)
        .setTransportConfigCallback(auth)
        .setTimeout(20)
        .call();
  }

  private Path keyFile(KeyPair key) throws Exception {
    Path file = Files.createTempFile(tmp, "id_ecdsa", "");
    try (OutputStream out = Files.newOutputStream(file)) {
      new OpenSSHKeyPairResourceWriter().writePrivateKey(key, "pullsync-test", null, out);
    }
    return file;
  }

  private static String fingerprint(java.security.PublicKey key) {
    return org.apache.sshd.common.config.keys.KeyUtils.getFingerPrint(
        org.apache.sshd.common.digest.BuiltinDigests.sha256, key);
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(tmp.resolve(name), content);
  }
}
