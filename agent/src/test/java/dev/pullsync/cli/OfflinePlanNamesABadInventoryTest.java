package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken inventory is invalid input (exit 2), named with its file, line and field; so are a
 * missing file and an inventory of another cluster than {@code --cluster} says.
 */
class OfflinePlanNamesABadInventoryTest {
  @TempDir Path tmp;

  @Test
  void aMisspelledFieldIsNamedWithItsLine() throws Exception {
    OfflineCase c = OfflineCase.prepare("no-change", tmp);
    String text = Files.readString(c.inventory());
    Files.writeString(c.inventory(), text.replaceFirst("    fingerprint:", "    fingerprnt:"));
    int line = lineOf(Files.readString(c.inventory()), "fingerprnt:");

    CommandRun run = plan(c, c.inventory().toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains(c.inventory() + ":" + line + ": managedSecrets[0].fingerprnt: unknown field");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aMissingRequiredFieldIsNamed() throws Exception {
    OfflineCase c = OfflineCase.prepare("no-change", tmp);
    String text = Files.readString(c.inventory());
    Files.writeString(c.inventory(), text.replaceFirst("(?m)^reportedAt: .*\\n", ""));

    CommandRun run = plan(c, c.inventory().toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(c.inventory() + ":1: reportedAt: is required");
  }

  @Test
  void brokenYamlIsNamedWithItsLine() throws Exception {
    OfflineCase c = OfflineCase.prepare("no-change", tmp);
    Files.writeString(c.inventory(), "kind: Inventory\nnamespaces:\n  - name: [unclosed\n");

    CommandRun run = plan(c, c.inventory().toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(c.inventory() + ":").contains("invalid YAML");
  }

  @Test
  void anotherClustersInventoryIsRefused() throws Exception {
    OfflineCase c = OfflineCase.prepare("no-change", tmp);

    CommandRun run = plan(c, c.inventory().toString(), "--cluster", "staging");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("is the inventory of cluster prod, not staging");
  }

  @Test
  void aPathThatIsNeitherFileNorRefIsNamed() throws Exception {
    OfflineCase c = OfflineCase.prepare("no-change", tmp);

    CommandRun run = plan(c, "status/prod.inventory.yaml");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("pullsync: --offline-from: status/prod.inventory.yaml: no such file");
  }

  private static CommandRun plan(OfflineCase c, String source, String... extra) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of("plan", "--repo", c.repo().toString(), "--offline-from", source));
    args.addAll(java.util.List.of(extra));
    return CommandRun.of("", args.toArray(String[]::new));
  }

  private static int lineOf(String text, String needle) {
    String before = text.substring(0, text.indexOf(needle));
    return (int) before.chars().filter(ch -> ch == '\n').count() + 1;
  }
}
