package dev.pullsync.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.Signers;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SSH commit signatures ({@code gpg.format=ssh}) checked against an allowed-signers file. */
class VerifiesSshSignedHeadsTest {
  @TempDir Path tmp;
  private SpecRepo spec;
  private RevCommit base;
  private KeyPair trusted;
  private KeyPair stranger;
  private HeadSignatureVerifier verifier;

  @BeforeEach
  void repo() throws Exception {
    spec = SpecRepo.create(tmp);
    base = spec.commit("registries/harbor.yaml", "kind: Registry\n");
    trusted = GitSshServer.newKeyPair();
    stranger = GitSshServer.newKeyPair();
    String allowed =
        "platform@example.com namespaces=\"git\" "
            + PublicKeyEntry.toString(trusted.getPublic())
            + "\n";
    verifier =
        HeadSignatureVerifier.fromKeysFile(
            Files.writeString(tmp.resolve("allowed_signers"), allowed));
  }

  @AfterEach
  void close() {
    spec.close();
  }

  @Test
  void acceptsAHeadSignedByAnAllowedSigner() throws Exception {
    RevCommit head = SignedCommits.commit(spec.bare(), base, "signed\n", sshSigner(trusted));
    SignatureVerdict verdict = verifier.check(spec.bare(), head);
    assertThat(verdict.trusted()).as(verdict.reason()).isTrue();
    assertThat(verdict.keyId()).contains(fingerprint(trusted));
  }

  @Test
  void refusesAHeadSignedByAnotherKeyAndNamesIt() throws Exception {
    RevCommit head = SignedCommits.commit(spec.bare(), base, "by mallory\n", sshSigner(stranger));
    SignatureVerdict verdict = verifier.check(spec.bare(), head);
    assertThat(verdict.trusted()).as(verdict.reason()).isFalse();
    assertThat(verdict.reason()).contains(fingerprint(stranger));
  }

  @Test
  void refusesAnOpenPgpSignatureWhenOnlySshSignersAreTrusted() throws Exception {
    OpenPgpTestKey gpg = new OpenPgpTestKey("x <x@example.com>", new java.security.SecureRandom());
    RevCommit head = SignedCommits.commit(spec.bare(), base, "gpg\n", gpg::sign);
    SignatureVerdict verdict = verifier.check(spec.bare(), head);
    assertThat(verdict.trusted()).isFalse();
    assertThat(verdict.reason()).contains("holds no OpenPGP keys");
  }

  private SignedCommits.Signing sshSigner(KeyPair key) throws Exception {
    Path keyFile = Files.createTempFile(tmp, "id_ecdsa", "");
    try (OutputStream out = Files.newOutputStream(keyFile)) {
      new OpenSSHKeyPairResourceWriter().writePrivateKey(key, "signer", null, out);
    }
    Config config = new Config();
    config.setString("gpg", null, "format", "ssh");
    GpgConfig gpg = new GpgConfig(config);
    return payload ->
        Signers.get(GpgConfig.GpgFormat.SSH)
            .sign(spec.bare(), gpg, payload, SpecRepo.AUTHOR, keyFile.toString(), null)
            .toExternalString()
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  private static String fingerprint(KeyPair key) {
    return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key.getPublic());
  }
}
