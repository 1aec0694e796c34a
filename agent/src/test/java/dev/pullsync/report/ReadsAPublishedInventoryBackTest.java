package dev.pullsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullsync.desired.Inventory;
import dev.pullsync.live.ClusterListing;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The inventory the publisher writes reads back to the same listing, time and revision (what an
 * offline plan starts from), and what the renderer selects from is recovered from it.
 */
class ReadsAPublishedInventoryBackTest {
  @Test
  void aRenderedInventoryReadsBackToTheSameListing() {
    ClusterListing listing =
        new ClusterListing(
            List.of(
                new ClusterListing.Namespace("legacy", Map.of(), "harbor", true, List.of()),
                new ClusterListing.Namespace(
                    "team-a",
                    Map.of("team", "a", "tier", "1"),
                    "",
                    false,
                    List.of(
                        new ClusterListing.ServiceAccount(
                            "default",
                            List.of("manual", "harbor"),
                            Map.of("ops.prod", new TreeSet<>(Set.of("harbor"))))))),
            List.of(
                new ClusterListing.ManagedSecret(
                    "team-a",
                    "harbor",
                    "kubernetes.io/dockerconfigjson",
                    "harbor",
                    "ops.prod",
                    "sha256:0f1e",
                    "main@sha1:4f2a9c1")));
    Report report = SampleReports.synced("prod-eu", SampleReports.FINISHED);

    PublishedInventory read = PublishedInventory.parse(new InventoryYaml().render(report, listing));

    assertThat(read.listing()).isEqualTo(listing);
    assertThat(read.cluster()).isEqualTo("prod-eu");
    assertThat(read.instance()).isEqualTo(report.instance());
    assertThat(read.revision()).isEqualTo(report.appliedRevision().orElse(report.revision()));
    assertThat(read.reportedAt()).isEqualTo(SampleReports.FINISHED);
    Inventory inventory = read.listing().toInventory();
    assertThat(inventory.serviceAccountsIn("team-a")).containsExactly("default");
    assertThat(inventory.namespaces())
        .contains(
            new Inventory.Namespace(
                "legacy", Map.of(), Map.of("pullsync.dev/exclude", "harbor"), true),
            new Inventory.Namespace("team-a", Map.of("team", "a", "tier", "1"), Map.of(), false));
  }

  @Test
  void somethingElseIsRefusedWithTheReason() {
    assertThatThrownBy(() -> PublishedInventory.parse("kind: Status\ncluster: x\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kind: Inventory");
    assertThatThrownBy(
            () ->
                PublishedInventory.parse(
                    "kind: Inventory\ncluster: x\ninstance: i\nrevision: r\nnamespaces: []\n"))
        .hasMessageContaining("'reportedAt'");
    assertThatThrownBy(
            () ->
                PublishedInventory.parse(
                    "kind: Inventory\ncluster: x\ninstance: i\nrevision: r\nreportedAt: soon\n"))
        .hasMessageContaining("not a UTC time");
  }
}
