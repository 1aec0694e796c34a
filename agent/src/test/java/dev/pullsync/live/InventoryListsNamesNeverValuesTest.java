package dev.pullsync.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.pullsync.report.InventoryYaml;
import dev.pullsync.report.Report;
import dev.pullsync.testkit.Fixtures;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published inventory lists namespaces (labels, exclude), ServiceAccounts with their
 * imagePullSecrets and pullsync's entries, and managed Secrets with type, owner and fingerprint; it
 * is valid against inventory.schema.json and never carries the Secret's value.
 */
class InventoryListsNamesNeverValuesTest {
  private static final String DOCKER_CONFIG =
      "{\"auths\":{\"harbor.example\":{\"username\":\"admin\",\"password\":\""
          + Fixtures.CANARY
          + "\"}}}";

  @Test
  void listsWhatSelectionAndOwnershipNeedAndNoValue() throws Exception {
    Namespace team =
        new NamespaceBuilder()
            .withNewMetadata()
            .withName("team-a")
            .withLabels(Map.of("pullsync.dev/enabled", "true"))
            .withAnnotations(Map.of("pullsync.dev/exclude", "harbor", "other", Fixtures.CANARY))
            .endMetadata()
            .build();
    Namespace quiet =
        new NamespaceBuilder().withNewMetadata().withName("b-quiet").endMetadata().build();
    ServiceAccount sa =
        new ServiceAccountBuilder()
            .withNewMetadata()
            .withNamespace("team-a")
            .withName("default")
            .withAnnotations(Map.of("owned-pull-secrets.pullsync.dev/ops.prod", "harbor-pull"))
            .endMetadata()
            .addNewImagePullSecret("manual")
            .addNewImagePullSecret("harbor-pull")
            .build();
    String encoded =
        Base64.getEncoder().encodeToString(DOCKER_CONFIG.getBytes(StandardCharsets.UTF_8));
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withNamespace("team-a")
            .withName("harbor-pull")
            .withLabels(
                Map.of(
                    "app.kubernetes.io/managed-by", "pullsync",
                    "pullsync.dev/pullsecret", "harbor",
                    "pullsync.dev/instance", "ops.prod"))
            .withAnnotations(Map.of("pullsync.dev/fingerprint", "sha256:abc123"))
            .endMetadata()
            .withType("kubernetes.io/dockerconfigjson")
            .withData(Map.of(".dockerconfigjson", encoded))
            .build();

    ClusterListing listing = Listings.of(List.of(team, quiet), List.of(sa), List.of(secret));
    String yaml = new InventoryYaml().render(report(), listing);

    assertThat(yaml).doesNotContain(Fixtures.CANARY).doesNotContain(encoded);
    assertThat(schema().validate(JsonMapper.builder().build().valueToTree(load(yaml)))).isEmpty();
    assertThat(yaml)
        .contains("revision: main@sha1:4f2a9c1")
        .contains("reportedAt: 2026-11-30T05:00:00Z")
        .contains("exclude: harbor")
        .contains("pullsync.dev/enabled: 'true'")
        .contains("  - manual\n")
        .contains("ops.prod:\n")
        .contains("fingerprint: sha256:abc123")
        .contains("instance: ops.prod")
        .contains("pullSecret: harbor");
    assertThat(yaml.indexOf("name: b-quiet")).isLessThan(yaml.indexOf("name: team-a"));
  }

  private static Report report() {
    return new Report(
        "prod",
        "ops.prod",
        "main@sha1:5555555",
        Optional.of("main@sha1:4f2a9c1"),
        Report.Result.SYNCED,
        Instant.parse("2026-11-30T05:00:00Z"),
        new Report.Counts(2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        List.of(),
        List.of());
  }

  private static Object load(String yaml) {
    return new Load(LoadSettings.builder().build()).loadFromString(yaml);
  }

  private static Schema schema() throws Exception {
    try (InputStream in =
        InventoryListsNamesNeverValuesTest.class.getResourceAsStream(
            "/pullsync/schemas/inventory.schema.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }
  }
}
