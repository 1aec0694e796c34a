package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullsync.desired.Instance;
import dev.pullsync.spec.InvalidSpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The agent's instance identity: {@code <namespace>.<cluster>} by default, {@code instance} in the
 * configuration, {@code --instance} over both; always a valid label value.
 */
class InstanceIdentityOptionTest {
  @TempDir Path tmp;

  private String instance(String... args) {
    CommandLine.ParseResult parsed = Main.commandLine().parseArgs(args);
    RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();
    return run.shared.engineSettings().instance();
  }

  @Test
  void derivedFromNamespaceAndClusterByDefault() {
    assertThat(instance("run", "--repo", tmp.toString())).isEqualTo("pullsync.default");
    assertThat(
            instance(
                "run", "--repo", tmp.toString(), "--namespace", "team-a", "--cluster", "prod-eu"))
        .isEqualTo("team-a.prod-eu");
  }

  @Test
  void configurationSetsItAndTheFlagWins() throws Exception {
    Path config = Files.writeString(tmp.resolve("config.yaml"), "instance: team-a\n");
    assertThat(instance("run", "--repo", tmp.toString(), "--config", config.toString()))
        .isEqualTo("team-a");
    assertThat(
            instance(
                "run",
                "--repo",
                tmp.toString(),
                "--config",
                config.toString(),
                "--instance",
                "team-b"))
        .isEqualTo("team-b");
  }

  @Test
  void configurationRejectsAnInvalidLabelValue() throws Exception {
    Path config = Files.writeString(tmp.resolve("config.yaml"), "instance: team a/\n");
    assertThatThrownBy(
            () -> instance("run", "--repo", tmp.toString(), "--config", config.toString()))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("instance");
  }

  @Test
  void flagRejectsAnInvalidLabelValue() {
    assertThatThrownBy(() -> instance("run", "--repo", tmp.toString(), "--instance", "-bad-"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--instance");
  }

  @Test
  void derivedNamesAreLabelValuesEvenFromOddClusterNames() {
    assertThat(Instance.derived("pullsync", "prod eu/1").name()).isEqualTo("pullsync.prod-eu-1");
    String longCluster = "c".repeat(80);
    Instance a = Instance.derived("pullsync", longCluster);
    Instance b = Instance.derived("pullsync", longCluster + "x");
    assertThat(a.name()).hasSizeLessThanOrEqualTo(Instance.MAX_LENGTH);
    assertThat(Instance.isValid(a.name())).isTrue();
    assertThat(a).isNotEqualTo(b);
  }
}
