package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.unseal.HybridCipher;
import dev.pullsync.unseal.SealedText;
import dev.pullsync.unseal.SealingCertificate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password or user name sealed from an empty string (its ciphertext is exactly the RSA block and
 * the GCM tag, so no key is needed to see it) is refused at its line by {@code validate}, and so by
 * the agent, which applies nothing of that revision and names the line in its report: an empty
 * credential is never rolled out silently. A one-byte password still passes.
 */
class ValidateRefusesEmptySealedCredentialTest {
  private static final Path CERT = Path.of("..", "examples", "demo-key", "tls.crt");

  @Test
  void emptySealedPasswordIsRefusedAtItsLine(@TempDir Path root) throws IOException {
    write(root, seal(""));
    ValidateRun run = ValidateRun.of(root);
    run.assertRejectedWith(
        "registry.yaml:9: spec.password.sealed: seals an empty value: a registry cannot log in"
            + " with it (seal the real one)");
  }

  @Test
  void oneCharacterPasswordPasses(@TempDir Path root) throws IOException {
    write(root, seal("x"));
    ValidateRun run = ValidateRun.of(root);
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  private static void write(Path root, String sealed) throws IOException {
    Files.writeString(
        root.resolve("registry.yaml"),
        """
        apiVersion: pullsync.dev/v1alpha1
        kind: Registry
        metadata:
          name: harbor
        spec:
          server: harbor.example.com
          username: robot
          password:
            sealed: %s
        """
            .formatted(sealed));
  }

  private static String seal(String plaintext) throws IOException {
    SealingCertificate cert =
        SealingCertificate.parse(Files.readString(CERT), CERT.toString(), Instant.now());
    byte[] sealed =
        new HybridCipher(new SecureRandom())
            .seal(
                cert.publicKey(),
                plaintext.getBytes(StandardCharsets.UTF_8),
                "pullsync".getBytes(StandardCharsets.UTF_8));
    return SealedText.encode(sealed);
  }
}
