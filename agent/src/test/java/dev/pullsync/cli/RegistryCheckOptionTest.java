package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.check.LoginSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The registry login check is on by default for {@code run}, off with {@code --no-registry-check},
 * and {@code checks} in the agent configuration switches it and plain http.
 */
class RegistryCheckOptionTest {
  @TempDir Path tmp;

  private LoginSettings logins(String... args) {
    CommandLine.ParseResult parsed = Main.commandLine().parseArgs(args);
    RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();
    return run.shared.engineSettings().logins();
  }

  @Test
  void onByDefaultOverHttpsOnly() {
    assertThat(logins("run", "--repo", tmp.toString())).isEqualTo(new LoginSettings(true, false));
  }

  @Test
  void flagTurnsItOff() {
    assertThat(logins("run", "--repo", tmp.toString(), "--no-registry-check"))
        .isEqualTo(new LoginSettings(false, false));
  }

  @Test
  void configurationSwitchesItAndPlainHttp() throws Exception {
    Path config =
        Files.writeString(
            tmp.resolve("config.yaml"), "checks:\n  registryLogin: true\n  allowHttp: true\n");
    assertThat(logins("run", "--repo", tmp.toString(), "--config", config.toString()))
        .isEqualTo(new LoginSettings(true, true));
    Files.writeString(config, "checks:\n  registryLogin: false\n");
    assertThat(logins("run", "--repo", tmp.toString(), "--config", config.toString()))
        .isEqualTo(new LoginSettings(false, false));
  }
}
