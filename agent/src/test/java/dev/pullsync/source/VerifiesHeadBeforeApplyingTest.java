package dev.pullsync.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitSource with verify mode head, over SSH: signed heads apply, others are refused and named. */
class VerifiesHeadBeforeApplyingTest {
  @TempDir Path tmp;
  private SpecRepo spec;
  private GitSshServer server;
  private SshAuth auth;
  private OpenPgpTestKey trusted;

  @BeforeEach
  void start() throws Exception {
    spec = SpecRepo.create(tmp);
    spec.commit("registries/harbor.yaml", "kind: Registry\n");
    var clientKey = GitSshServer.newKeyPair();
    server = new GitSshServer(spec.bare(), clientKey.getPublic());
    Path knownHosts = Files.writeString(tmp.resolve("known_hosts"), server.knownHostsLine());
    auth = SshAuth.keyPair(clientKey, knownHosts, tmp.resolve("ssh"));
    trusted = new OpenPgpTestKey("Platform Team <platform@example.com>", new SecureRandom());
  }

  @AfterEach
  void stop() throws Exception {
    auth.close();
    server.close();
    spec.close();
  }

  @Test
  void appliesSignedHeadsAndRefusesAnUnsignedOne() throws Exception {
    Path keys = Files.writeString(tmp.resolve("keys.asc"), trusted.armoredPublicKey());
    MutableClock clock = new MutableClock();
    GitSource source =
        new GitSource(
            SourceOptions.local(server.url(), "main", "")
                .withWorkDir(tmp.resolve("work"))
                .withAuth(auth)
                .withVerifier(HeadSignatureVerifier.fromKeysFile(keys)),
            clock);
    RevCommit base = spec.bare().parseCommit(spec.bare().resolve("refs/heads/main"));
    RevCommit signed = SignedCommits.commit(spec.bare(), base, "signed\n", trusted::sign);
    moveMain(signed);
    assertThat(source.fetch().commit()).isEqualTo(signed.name());

    RevCommit unsigned = SignedCommits.commit(spec.bare(), signed, "unsigned\n", null);
    moveMain(unsigned);
    SourceException refused = catchThrowableOfType(SourceException.class, source::fetch);
    assertThat(refused.getMessage())
        .contains("commit " + unsigned.abbreviate(7).name() + " is not signed");

    OpenPgpTestKey mallory = new OpenPgpTestKey("Mallory <m@example.com>", new SecureRandom());
    RevCommit forged = SignedCommits.commit(spec.bare(), signed, "forged\n", mallory::sign);
    moveMain(forged);
    clock.advance(Duration.ofMinutes(10));
    SourceException untrusted = catchThrowableOfType(SourceException.class, source::fetch);
    assertThat(untrusted.getMessage()).contains(mallory.fingerprint()).contains("not trusted");
  }

  private void moveMain(RevCommit commit) throws Exception {
    RefUpdate update = spec.bare().updateRef("refs/heads/main");
    update.setNewObjectId(commit);
    update.setForceUpdate(true);
    assertThat(update.forceUpdate()).isIn(RefUpdate.Result.FORCED, RefUpdate.Result.FAST_FORWARD);
  }
}
