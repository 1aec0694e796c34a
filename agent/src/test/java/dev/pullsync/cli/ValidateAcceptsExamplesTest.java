package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped examples are valid; a clean run prints one summary line and exits 0. */
class ValidateAcceptsExamplesTest {
  /** Tests run in agent/; the examples live at the repository root. */
  static final Path EXAMPLES = Path.of("..", "examples");

  @Test
  void kubeflowHarborExampleIsValid() {
    ValidateRun run = ValidateRun.of(EXAMPLES.resolve("kubeflow-harbor"));
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out().strip()).endsWith(": 1 registry, 2 pull secrets").startsWith("OK: ");
  }

  @Test
  void multiRegistryExampleIsValid() {
    ValidateRun run = ValidateRun.of(EXAMPLES.resolve("multi-registry"));
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out().strip()).endsWith(": 4 registries, 3 pull secrets");
  }

  @Test
  void verboseListsDocumentsButNoCiphertext() {
    ValidateRun run = ValidateRun.of(EXAMPLES.resolve("multi-registry"), "--verbose");
    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out())
        .contains("registries.yaml:31: Registry ghcr (ghcr.io, sealedSecretFile sealed/ghcr.yaml)")
        .contains("PullSecret company-registries -> harbor, dockerhub")
        .doesNotContain("AgA")
        .doesNotContain("robot$");
  }

  @Test
  void missingDirectoryIsInvalidInput(@TempDir Path tmp) {
    Path missing = tmp.resolve("nope");
    ValidateRun run = ValidateRun.of(missing);
    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err().strip())
        .isEqualTo("pullsync validate: " + missing + ": no such directory");
  }

  @Test
  void fileInsteadOfDirectoryIsInvalidInput() {
    Path file = EXAMPLES.resolve("kubeflow-harbor/harbor.yaml");
    ValidateRun run = ValidateRun.of(file);
    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err().strip()).isEqualTo("pullsync validate: " + file + " is not a directory");
  }
}
