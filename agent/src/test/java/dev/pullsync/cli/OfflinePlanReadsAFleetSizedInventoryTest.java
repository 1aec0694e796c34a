package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inventory of a 15,000-namespace cluster (several MiB, far more values than a spec file may
 * hold) is read and planned against like a small one: the spec reader's limits guard spec files,
 * not the agent's own inventory.
 */
class OfflinePlanReadsAFleetSizedInventoryTest {
  @TempDir Path tmp;

  @Test
  void fifteenThousandNamespacesPlanLikeTwo() throws Exception {
    OfflineCase c = OfflineCase.prepare("no-change", tmp);
    String text = Files.readString(c.inventory());
    StringBuilder more = new StringBuilder();
    for (int i = 0; i < 15_000; i++) {
      more.append("  - name: tenant-")
          .append(i)
          .append("\n    labels:\n      kubernetes.io/metadata.name: tenant-")
          .append(i)
          .append("\n      team: t")
          .append(i % 50)
          .append("\n      tier: bulk\n    serviceAccounts:\n")
          .append("      - name: default\n        imagePullSecrets: [other]\n")
          .append("      - name: builder\n        imagePullSecrets: []\n");
    }
    Files.writeString(c.inventory(), text.replace("managedSecrets:\n", more + "managedSecrets:\n"));
    assertThat(Files.size(c.inventory())).isGreaterThan(2L * 1024 * 1024);

    CommandRun run =
        CommandRun.of(
            "", "plan", "--repo", c.repo().toString(), "--offline-from", c.inventory().toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("no changes");
  }
}
