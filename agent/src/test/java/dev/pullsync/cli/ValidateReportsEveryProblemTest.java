package dev.pullsync.cli;

import static dev.pullsync.cli.ValidateRun.fixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate reports every problem at once, sorted by file and line, not just the first. */
class ValidateReportsEveryProblemTest {

  @Test
  void reportsProblemsInTwoFiles() {
    ValidateRun.of(fixture("two-files-two-problems"))
        .assertRejectedWith(
            "a.yaml:6: spec.server: must not contain credentials (user:password@): put them in"
                + " username and password",
            "b.yaml:2: kind: unknown kind \"Registyr\" (expected Registry or PullSecret)");
  }

  @Test
  void reportsEveryProblemOfEveryDocumentInOrder(@TempDir Path root) throws IOException {
    Files.writeString(
        root.resolve("z.yaml"),
        """
        apiVersion: pullsync.dev/v1alpha1
        kind: PullSecret
        metadata:
          name: Bad_Name
        spec:
          registries: [nowhere]
          namespaces:
            patterns: ["["]
          mode: sometimes
        ---
        apiVersion: pullsync.dev/v1alpha1
        kind: Widget
        """);
    Files.writeString(root.resolve("a.yml"), "key: [unclosed\n");
    ValidateRun.of(root)
        .assertRejectedWith(
            "a.yml:2: invalid YAML: expected ',' or ']', but got <stream end>",
            "z.yaml:4: metadata.name: must be a DNS-1123 subdomain: lower-case letters, digits,"
                + " '-' and '.', starting and ending with a letter or digit",
            "z.yaml:6: spec.registries[0]: no Registry named \"nowhere\" in the spec",
            "z.yaml:8: spec.namespaces.patterns[0]: unclosed '[' in glob \"[\"",
            "z.yaml:9: spec.mode: must be one of enforce, report",
            "z.yaml:12: kind: unknown kind \"Widget\" (expected Registry or PullSecret)");
  }
}
