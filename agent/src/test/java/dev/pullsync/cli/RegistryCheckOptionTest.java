package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.check.LoginSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The registry login check is on by default for {@code run}, off with {@code --no-registry-check},
 * and {@code checks} in the agent configuration switches it and sets where it dials.
 */
class RegistryCheckOptionTest {
  @TempDir Path tmp;

  private LoginSettings logins(String... args) {
    CommandLine.ParseResult parsed = Main.commandLine().parseArgs(args);
    RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();
    return run.shared.engineSettings().logins();
  }

  @Test
  void onByDefaultDiallingEachServerItself() {
    assertThat(logins("run", "--repo", tmp.toString()))
        .isEqualTo(new LoginSettings(true, Map.of()));
  }

  @Test
  void flagTurnsItOff() {
    assertThat(logins("run", "--repo", tmp.toString(), "--no-registry-check"))
        .isEqualTo(new LoginSettings(false, Map.of()));
  }

  @Test
  void configurationSwitchesItAndSetsEndpoints() throws Exception {
    Path config =
        Files.writeString(
            tmp.resolve("config.yaml"),
            "checks:\n  registryLogin: true\n  endpoints: {\"h.example:5000\": \"127.0.0.1:5000\"}\n");
    assertThat(logins("run", "--repo", tmp.toString(), "--config", config.toString()))
        .isEqualTo(new LoginSettings(true, Map.of("h.example:5000", "127.0.0.1:5000")));
    Files.writeString(config, "checks:\n  registryLogin: false\n");
    assertThat(logins("run", "--repo", tmp.toString(), "--config", config.toString()))
        .isEqualTo(new LoginSettings(false, Map.of()));
  }
}
