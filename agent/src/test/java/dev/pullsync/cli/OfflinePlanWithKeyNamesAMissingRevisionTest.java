package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code --key} the exact answer on a re-sealed value needs the inventory's revision in the
 * clone; when it is missing (a shallow clone), the plan falls back to "value re-sealed" and says
 * what to fetch, rather than guessing either way.
 */
class OfflinePlanWithKeyNamesAMissingRevisionTest {
  @TempDir Path tmp;

  @Test
  void aShallowCloneGetsTheReSealedWordingAndWhatToFetch() throws Exception {
    OfflineCase c = OfflineCase.prepare("value-resealed-with-key-same-value", tmp);
    String missing = "main@sha1:" + "0".repeat(40);
    Files.writeString(
        c.inventory(), Files.readString(c.inventory()).replace("main@sha1:" + c.commit(), missing));

    CommandRun run =
        CommandRun.of(
            "",
            "plan",
            "--repo",
            c.repo().toString(),
            "--offline-from",
            c.inventory().toString(),
            "--key",
            OfflineCase.ROOT.resolve("examples/demo-key/tls.key").toString());

    assertThat(run.exit()).as(run.err()).isEqualTo(3);
    assertThat(run.out())
        .contains(
            "value re-sealed: Secrets are updated if the decrypted value differs (the cluster's"
                + " revision "
                + missing
                + " is not in this repository: fetch it for the exact answer)");
    for (String canary : OfflineCase.CANARIES) {
      assertThat(run.out() + run.err()).doesNotContain(canary);
    }
  }
}
