package dev.pullsync.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * spec.schema.json, the one editors point at, accepts every example document and applies the kind's
 * own schema (so an unknown field under a Registry is caught in the editor too).
 */
class SpecSchemaDispatchesOnKindTest {
  private final SchemaValidator editorSchema = SchemaValidator.forSchema("spec.schema.json");
  private final YamlReader yaml = new YamlReader();

  @Test
  void acceptsEveryExampleDocument() throws IOException {
    List<YamlDocument> docs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("..", "examples"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        YamlReader.Result read = yaml.read(f, f.toString());
        assertThat(read.problems()).isEmpty();
        read.documents().stream()
            .filter(d -> d.root().path("apiVersion").asString("").equals(SpecLoader.API_VERSION))
            .forEach(docs::add);
      }
    }
    assertThat(docs).hasSizeGreaterThanOrEqualTo(9);
    assertThat(docs).allSatisfy(d -> assertThat(editorSchema.validate(d)).isEmpty());
  }

  @Test
  void appliesTheKindsSchema() {
    String text =
        "apiVersion: pullsync.dev/v1alpha1\nkind: PullSecret\nmetadata:\n  name: x\n"
            + "spec:\n  registries: [a]\n  namespaces: {names: [b]}\n  colour: blue\n";
    YamlDocument doc =
        yaml.parse(text.getBytes(StandardCharsets.UTF_8), "x.yaml").documents().get(0);
    assertThat(editorSchema.validate(doc))
        .extracting(Problem::toString)
        .singleElement()
        .asString()
        .startsWith("x.yaml:8: spec.colour: unknown field");
  }
}
