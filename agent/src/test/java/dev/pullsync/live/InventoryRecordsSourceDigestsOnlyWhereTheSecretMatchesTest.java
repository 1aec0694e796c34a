package dev.pullsync.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.desired.Ref;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The inventory's source digest says "this Secret holds exactly what these sources render": it is
 * recorded only where the Secret's fingerprint is the one the enforced revision renders for it. A
 * drifted Secret, one the revision does not render, or one without a fingerprint gets none, so an
 * offline plan never takes it for unchanged; one the plan found holding the rendered data under a
 * fingerprint of the earlier (v1) scheme gets it.
 */
class InventoryRecordsSourceDigestsOnlyWhereTheSecretMatchesTest {
  private static ClusterListing.ManagedSecret secret(String ns, String print) {
    return new ClusterListing.ManagedSecret(
        ns, "harbor", "kubernetes.io/dockerconfigjson", "harbor", "ops", print, "main@sha1:1");
  }

  @Test
  void onlyMatchingFingerprintsGetTheDigest() {
    ClusterListing listing =
        new ClusterListing(
            List.of(),
            List.of(
                secret("in-sync", "hmac-sha256-v2:aa"),
                secret("drifted", "hmac-sha256-v2:bb"),
                secret("not-rendered", "hmac-sha256-v2:aa"),
                secret("no-print", ""),
                secret("earlier-scheme", "hmac-sha256:cc")));
    Map<Ref, ClusterListing.Rendered> rendered =
        Map.of(
            new Ref("in-sync", "harbor"),
            new ClusterListing.Rendered("hmac-sha256-v2:aa", "d1", false),
            new Ref("drifted", "harbor"),
            new ClusterListing.Rendered("hmac-sha256-v2:aa", "d1", false),
            new Ref("no-print", "harbor"),
            new ClusterListing.Rendered("hmac-sha256-v2:aa", "d1", false),
            new Ref("earlier-scheme", "harbor"),
            new ClusterListing.Rendered("hmac-sha256-v2:aa", "d1", true));

    List<ClusterListing.ManagedSecret> marked =
        listing.withSourceDigests(rendered).managedSecrets();

    assertThat(marked)
        .extracting(
            ClusterListing.ManagedSecret::namespace, ClusterListing.ManagedSecret::sourceDigest)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("in-sync", "d1"),
            org.assertj.core.groups.Tuple.tuple("drifted", ""),
            org.assertj.core.groups.Tuple.tuple("not-rendered", ""),
            org.assertj.core.groups.Tuple.tuple("no-print", ""),
            org.assertj.core.groups.Tuple.tuple("earlier-scheme", "d1"));
  }
}
