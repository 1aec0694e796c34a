package dev.pullsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RendersReportFilesTest {
  static Stream<Report> reports() {
    Instant t = SampleReports.FINISHED;
    return Stream.of(
        SampleReports.drifted("prod-eu", t),
        SampleReports.synced("dev", t),
        SampleReports.failed("staging", t));
  }

  @ParameterizedTest
  @MethodSource("reports")
  void yamlIsValidAgainstTheReportSchema(Report report) {
    String yaml = new YamlReport().render(report);
    List<Error> errors = ReportSchema.errors(yaml);
    assertThat(errors).as(yaml).isEmpty();
  }

  @Test
  void schemaRejectsAReportWithAnUnknownResult() {
    String yaml =
        new YamlReport()
            .render(SampleReports.synced("dev", SampleReports.FINISHED))
            .replace("result: Synced", "result: Fine");
    assertThat(ReportSchema.errors(yaml)).isNotEmpty();
  }

  @Test
  void yamlHasAFixedKeyOrderAndSortedEntries() throws IOException {
    String yaml = new YamlReport().render(SampleReports.drifted("prod-eu", SampleReports.FINISHED));
    assertThat(yaml).isEqualTo(golden("report/drifted.golden.yaml", yaml));
  }

  @Test
  void driftedClusterRendersTheGoldenMarkdown() throws IOException {
    String markdown =
        new MarkdownReport().render(SampleReports.drifted("prod-eu", SampleReports.FINISHED));
    assertThat(markdown).isEqualTo(golden("report/drifted.golden.md", markdown));
  }

  @Test
  void failedRevisionShowsItsErrorAndNoAppliedRevision() {
    String markdown =
        new MarkdownReport().render(SampleReports.failed("staging", SampleReports.FINISHED));
    assertThat(markdown)
        .contains("**Failed** at `4f2a9c1`")
        .contains("| Applied revision | none |")
        .contains("- registries/harbor.yaml:7: spec.password.sealed: cannot be decrypted");
  }

  @Test
  void timestampAloneDoesNotCountAsAChange() {
    ReportFiles earlier = ReportFiles.of(SampleReports.drifted("prod-eu", SampleReports.FINISHED));
    ReportFiles later =
        ReportFiles.of(SampleReports.drifted("prod-eu", SampleReports.FINISHED.plusSeconds(3600)));
    ReportFiles different = ReportFiles.of(SampleReports.synced("prod-eu", SampleReports.FINISHED));
    assertThat(later.yaml()).isNotEqualTo(earlier.yaml());
    assertThat(later.sameApartFromTime(earlier.yaml(), earlier.markdown())).isTrue();
    assertThat(different.sameApartFromTime(earlier.yaml(), earlier.markdown())).isFalse();
  }

  @Test
  void commitMessageNamesClusterResultRevisionAndCounts() {
    assertThat(CommitMessage.of(SampleReports.drifted("prod-eu", SampleReports.FINISHED)))
        .isEqualTo("status(prod-eu): Drifted at 4f2a9c1 \u2014 4 drifted, 1 failed\n");
  }

  /**
   * The golden file's text; with {@code -Dgolden.update=true} the file in src/test/resources is
   * rewritten first (review the diff before committing).
   */
  private static String golden(String name, String actual) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(Path.of("src/test/resources", name), actual, StandardCharsets.UTF_8);
      return actual;
    }
    return resource(name);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = RendersReportFilesTest.class.getResourceAsStream("/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
