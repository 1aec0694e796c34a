package dev.pullsync.cli;

import static dev.pullsync.cli.ValidateRun.fixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Files that are not well-formed YAML, or not YAML at all, give one located line each. */
class ValidateRejectsMalformedYamlTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "tab-indentation",
            "registry.yaml:7: invalid YAML: tab character where YAML needs spaces for indentation"),
        Arguments.of(
            "bad-indentation",
            "registry.yaml:7: invalid YAML: bad indentation (this line does not line up with its"
                + " siblings)"),
        Arguments.of(
            "duplicate-key",
            "registry.yaml:10: spec.server: duplicate key (first given at line 6)"),
        Arguments.of(
            "alias-bomb",
            "bomb.yaml:6: YAML refused: expands to more than 100000 values (an alias bomb?)"),
        Arguments.of("empty-file", "empty.yaml:1: file holds no documents"),
        Arguments.of("comments-only", "notes.yaml:1: file holds no documents"),
        Arguments.of(
            "plain-text",
            "notes.yaml:1: not a spec document: expected a mapping with apiVersion and kind, found a"
                + " string"),
        Arguments.of(
            "not-a-mapping",
            "list.yaml:1: not a spec document: expected a mapping with apiVersion and kind, found a"
                + " list"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rejectsWithOneLocatedLine(String fixture, String expected) {
    ValidateRun.of(fixture(fixture)).assertRejectedWith(expected);
  }

  @Test
  void rejectsBinaryFile(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("logo.yaml"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\n', 0, 0, 1});
    ValidateRun.of(dir)
        .assertRejectedWith("logo.yaml:2: binary file, not YAML text (holds a NUL byte)");
  }

  @Test
  void rejectsInvalidUtf8AtItsLine(@TempDir Path dir) throws IOException {
    byte[] text =
        "apiVersion: pullsync.dev/v1alpha1\nkind: Registry\nmetadata:\n  name: h\u00e9\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Files.write(dir.resolve("latin1.yaml"), text);
    ValidateRun.of(dir).assertRejectedWith("latin1.yaml:4: file is not valid UTF-8 text");
  }

  @Test
  void rejectsFileOverSizeLimitBeforeParsing(@TempDir Path dir) throws IOException {
    String line = "# " + "x".repeat(1022) + "\n";
    Files.writeString(dir.resolve("huge.yaml"), line.repeat(1025));
    ValidateRun.of(dir)
        .assertRejectedWith("huge.yaml:1: file is 1050625 bytes, larger than the 1 MiB limit");
  }

  @Test
  void rejectsControlCharacters(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("bell.yaml"), "kind: Registry\nname: \u0007\n");
    ValidateRun.of(dir)
        .assertRejectedWith("bell.yaml:2: not YAML text: holds the control character U+0007");
  }
}
