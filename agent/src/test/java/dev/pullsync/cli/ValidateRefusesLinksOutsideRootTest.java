package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkout cannot make the agent read files outside it through symbolic links. */
class ValidateRefusesLinksOutsideRootTest {
  private static final String CANARY = "canary-outside-content-7f3a";

  @Test
  void refusesFileLinkLeavingTheRoot(@TempDir Path tmp) throws IOException {
    Path root = Files.createDirectory(tmp.resolve("spec"));
    Path outside = Files.writeString(tmp.resolve("outside.yaml"), "kind: " + CANARY + "\n");
    Files.createSymbolicLink(root.resolve("registry.yaml"), outside);
    ValidateRun run = ValidateRun.of(root);
    run.assertRejectedWith(
        "registry.yaml:1: symbolic link points outside the spec directory: refused");
    assertThat(run.err()).doesNotContain(CANARY);
  }

  @Test
  void refusesDirectoryLinkLeavingTheRoot(@TempDir Path tmp) throws IOException {
    Path root = Files.createDirectory(tmp.resolve("spec"));
    Path outside = Files.createDirectory(tmp.resolve("elsewhere"));
    Files.writeString(outside.resolve("x.yaml"), "kind: " + CANARY + "\n");
    Files.createSymbolicLink(root.resolve("more"), outside);
    ValidateRun.of(root)
        .assertRejectedWith("more:1: symbolic link points outside the spec directory: refused");
  }

  @Test
  void refusesSealedSecretFileReachedThroughLinkOutside(@TempDir Path tmp) throws IOException {
    Path root = Files.createDirectory(tmp.resolve("spec"));
    Files.createDirectory(root.resolve("sealed"));
    Path outside = Files.writeString(tmp.resolve("secret.json"), "{}");
    Files.createSymbolicLink(root.resolve("sealed/ghcr.json"), outside);
    Files.writeString(
        root.resolve("registry.yaml"),
        "apiVersion: pullsync.dev/v1alpha1\nkind: Registry\nmetadata:\n  name: ghcr\nspec:\n"
            + "  server: ghcr.io\n  sealedSecretFile: sealed/ghcr.json\n");
    ValidateRun.of(root)
        .assertRejectedWith(
            "registry.yaml:7: spec.sealedSecretFile: symbolic link points outside the spec"
                + " directory: refused");
  }

  @Test
  void skipsHiddenDirectoriesSuchAsGit(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve(".git/refs"));
    Files.writeString(root.resolve(".git/config.yaml"), "not: [valid");
    ValidateRun run = ValidateRun.of(root);
    // .git is not read: the only complaint is that the folder holds no spec at all.
    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err().strip())
        .isEqualTo(
            "pullsync validate: " + root + ": no Registry or PullSecret found (wrong path?)");
  }
}
