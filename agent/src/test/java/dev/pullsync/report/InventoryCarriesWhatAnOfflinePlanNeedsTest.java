package dev.pullsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.live.ClusterListing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an offline plan needs beyond names and labels (each Secret's registry servers and source
 * digest, and the foreign Secrets the agent met) is written, is valid against {@code
 * inventory.schema.json}, and reads back unchanged.
 */
class InventoryCarriesWhatAnOfflinePlanNeedsTest {
  @Test
  void serversDigestsAndForeignSecretsRoundTripThroughTheSchema() {
    ClusterListing listing =
        new ClusterListing(
            List.of(new ClusterListing.Namespace("team-a", Map.of(), "", false, List.of())),
            List.of(
                new ClusterListing.ManagedSecret(
                    "team-a",
                    "harbor",
                    "kubernetes.io/dockerconfigjson",
                    "harbor",
                    "ops.prod",
                    "hmac-sha256-v2:0f1e",
                    "main@sha1:4f2a9c1",
                    List.of("harbor.example.com", "ghcr.io"),
                    "sha256-sources-v1:9a8b")),
            List.of(new ClusterListing.ForeignSecret("team-b", "harbor")));
    String yaml =
        new InventoryYaml()
            .render(SampleReports.synced("prod-eu", SampleReports.FINISHED), listing);

    InventorySource.Loaded read = InventorySource.parse("status/prod-eu.inventory.yaml", yaml);

    assertThat(yaml)
        .contains("servers:", "sourceDigest: sha256-sources-v1:9a8b", "foreignSecrets:");
    assertThat(read.inventory().listing()).isEqualTo(listing);
  }
}
