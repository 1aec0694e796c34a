package dev.pullsync.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/spec-reference.md and docs/configuration.md cannot fall behind the schemas: every field path
 * a schema defines must appear, in backticks, in the document (and for the spec kinds, in the
 * section of its kind).
 */
class SpecReferenceDocumentsEveryFieldTest {
  private static final Path DOCS = Path.of("..", "docs");

  @Test
  void everyRegistryFieldIsDocumentedInTheRegistrySection() throws IOException {
    String doc = Files.readString(DOCS.resolve("spec-reference.md"));
    String section = between(doc, "## Registry", "## PullSecret");
    assertThat(SchemaFields.of("registry.schema.json").paths())
        .hasSizeGreaterThan(10)
        .allSatisfy(path -> assertThat(section).as("Registry section").contains("`" + path + "`"));
  }

  @Test
  void everyPullSecretFieldIsDocumentedInThePullSecretSection() throws IOException {
    String doc = Files.readString(DOCS.resolve("spec-reference.md"));
    String section = between(doc, "## PullSecret", "## Checks");
    assertThat(SchemaFields.of("pullsecret.schema.json").paths())
        .contains("spec.namespaces.selector.matchExpressions[].operator")
        .allSatisfy(
            path -> assertThat(section).as("PullSecret section").contains("`" + path + "`"));
  }

  @Test
  void everyAgentConfigFieldIsDocumented() throws IOException {
    String doc = Files.readString(DOCS.resolve("configuration.md"));
    assertThat(SchemaFields.of("agent-config.schema.json").paths())
        .contains("leaderElection.retryPeriodSeconds", "git.auth.knownHostsFile")
        .allSatisfy(path -> assertThat(doc).contains("`" + path + "`"));
  }

  @Test
  void walkerFollowsReferencesAndAlternatives() throws IOException {
    assertThat(SchemaFields.of("registry.schema.json").paths())
        .contains("spec.username.sealed", "spec.password.sealed", "spec.dockerConfigJson.sealed");
  }

  private static String between(String doc, String start, String end) {
    int from = doc.indexOf(start);
    int to = doc.indexOf(end, from + 1);
    assertThat(from).as("heading " + start).isNotNegative();
    assertThat(to).as("heading " + end).isGreaterThan(from);
    return doc.substring(from, to);
  }
}
