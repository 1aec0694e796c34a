package dev.pullsync.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifiesSignedHeadsTest {
  private static OpenPgpTestKey trusted;
  private static OpenPgpTestKey stranger;

  @TempDir Path tmp;
  private SpecRepo spec;
  private RevCommit base;
  private HeadSignatureVerifier verifier;

  @BeforeAll
  static void keys() throws Exception {
    SecureRandom random = new SecureRandom();
    trusted = new OpenPgpTestKey("Platform Team <platform@example.com>", random);
    stranger = new OpenPgpTestKey("Mallory <mallory@example.com>", random);
  }

  @BeforeEach
  void repo() throws Exception {
    spec = SpecRepo.create(tmp);
    base = spec.commit("registries/harbor.yaml", "kind: Registry\n");
    Path keys = Files.writeString(tmp.resolve("trusted.asc"), trusted.armoredPublicKey());
    verifier = HeadSignatureVerifier.fromKeysFile(keys);
  }

  @AfterEach
  void close() {
    spec.close();
  }

  @Test
  void acceptsAHeadSignedByATrustedKey() throws Exception {
    RevCommit head = SignedCommits.commit(spec.bare(), base, "signed\n", trusted::sign);
    SignatureVerdict verdict = verifier.check(spec.bare(), head);
    assertThat(verdict.trusted()).as(verdict.reason()).isTrue();
    assertThat(verdict.keyId()).contains(trusted.fingerprint());
  }

  @Test
  void refusesAnUnsignedHead() throws Exception {
    RevCommit head = SignedCommits.commit(spec.bare(), base, "unsigned\n", null);
    SignatureVerdict verdict = verifier.check(spec.bare(), head);
    assertThat(verdict.trusted()).isFalse();
    assertThat(verdict.keyId()).isEmpty();
    assertThat(verdict.reason())
        .isEqualTo("commit " + head.abbreviate(7).name() + " is not signed");
  }

  @Test
  void refusesAHeadSignedByAnUntrustedKeyAndNamesTheKey() throws Exception {
    RevCommit head = SignedCommits.commit(spec.bare(), base, "by mallory\n", stranger::sign);
    SignatureVerdict verdict = verifier.check(spec.bare(), head);
    assertThat(verdict.trusted()).isFalse();
    assertThat(verdict.keyId()).contains(stranger.fingerprint());
    assertThat(verdict.reason()).contains(stranger.fingerprint()).contains("not trusted");
  }

  @Test
  void refusesASignatureThatDoesNotCoverTheCommit() throws Exception {
    RevCommit head =
        SignedCommits.commit(
            spec.bare(), base, "tampered\n", payload -> trusted.sign(SignedCommits.ascii("other")));
    SignatureVerdict verdict = verifier.check(spec.bare(), head);
    assertThat(verdict.trusted()).isFalse();
    assertThat(verdict.reason()).contains("BAD signature").contains(trusted.fingerprint());
  }

  @Test
  void aKeysFileWithoutKeysIsRefusedAtStartup() throws IOException {
    Path empty = Files.writeString(tmp.resolve("empty"), "# no keys\n");
    assertThatThrownBy(() -> HeadSignatureVerifier.fromKeysFile(empty))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("neither OpenPGP keys nor SSH allowed signers");
  }
}
