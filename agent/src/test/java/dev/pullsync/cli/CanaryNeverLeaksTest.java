package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A canary plaintext is sealed, then every failing path of seal and unseal is driven: the canary
 * and any piece of its ciphertext never appear on stderr, and failures never print it on stdout.
 */
class CanaryNeverLeaksTest {
  private static final String CANARY = "CANARY-pw-7f3e9b21-never-print-me";

  @TempDir Path dir;

  @Test
  void noFailingCommandPrintsTheCanaryOrItsCiphertext() throws Exception {
    String cert = CryptoCommandsTest.CERT_A;
    String key = CryptoCommandsTest.KEY_A;
    String sealed =
        CommandRun.of(CANARY, "seal", "--cert", cert, "--scope", "namespace-wide", "-n", "pullsync")
            .out();
    assertThat(sealed).startsWith("Ag");
    byte[] raw = java.util.Base64.getDecoder().decode(sealed);
    raw[raw.length - 1] ^= 1;
    String flipped = java.util.Base64.getEncoder().encodeToString(raw);
    Path manifest =
        Files.writeString(
            dir.resolve("ss.yaml"),
            "apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n"
                + "  name: x\n  namespace: pullsync\nspec:\n  encryptedData:\n    password: "
                + sealed
                + "\n");
    List<CommandRun> runs = new ArrayList<>();
    runs.add(CommandRun.of(sealed, "unseal", "--key", key, "--raw", "--scope", "cluster-wide"));
    runs.add(CommandRun.of(sealed, "unseal", "--key", key, "--raw", "-n", "other", "--name", "x"));
    runs.add(
        CommandRun.of(
            flipped,
            "unseal",
            "--key",
            key,
            "--raw",
            "--scope",
            "namespace-wide",
            "-n",
            "pullsync"));
    runs.add(
        CommandRun.of(
            sealed.substring(0, 40), "unseal", "--key", key, "--raw", "--scope", "cluster-wide"));
    runs.add(
        CommandRun.of(sealed + "!", "unseal", "--key", key, "--raw", "--scope", "cluster-wide"));
    runs.add(CommandRun.of(Files.readString(manifest), "unseal", "--key", key));
    runs.add(CommandRun.of(Files.readString(manifest) + "  : [", "unseal", "--key", key));
    runs.add(CommandRun.of(CANARY, "seal", "--cert", key, "--scope", "cluster-wide"));
    runs.add(CommandRun.of(CANARY, "seal", "--cert", cert));
    runs.add(CommandRun.of(CANARY, "seal", "--cert", cert, "--scope", "galaxy-wide"));
    runs.add(CommandRun.of(CANARY, "unseal", "--key", cert));
    for (CommandRun run : runs) {
      assertThat(run.exit()).as(run.err()).isEqualTo(2);
      assertThat(run.err().lines()).hasSizeBetween(1, 2);
      for (String stream :
          List.of(run.err(), run.out(), new String(run.rawOut(), StandardCharsets.UTF_8))) {
        assertThat(stream).doesNotContain("CANARY-pw").doesNotContain(sealed.substring(0, 24));
        assertThat(stream).doesNotContain(sealed.substring(sealed.length() - 24));
      }
    }
  }
}
