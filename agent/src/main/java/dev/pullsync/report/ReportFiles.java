package dev.pullsync.report;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The two rendered files of one cluster's report, and how to compare them with what is already
 * committed while ignoring the time they were made.
 */
public record ReportFiles(String yaml, String markdown) {
  private static final Pattern YAML_TIME =
      Pattern.compile("(?m)^" + YamlReport.TIMESTAMP_KEY + ":.*$");
  private static final Pattern MARKDOWN_TIME =
      Pattern.compile("(?m)^" + Pattern.quote(MarkdownReport.TIMESTAMP_ROW) + ".*$");

  public ReportFiles {
    Objects.requireNonNull(yaml, "yaml");
    Objects.requireNonNull(markdown, "markdown");
  }

  /** Renders both files of a report. */
  public static ReportFiles of(Report report) {
    return new ReportFiles(new YamlReport().render(report), new MarkdownReport().render(report));
  }

  /** The YAML with its timestamp line blanked, for "did anything change" decisions. */
  static String yamlWithoutTime(String yaml) {
    return YAML_TIME.matcher(yaml).replaceAll(YamlReport.TIMESTAMP_KEY + ":");
  }

  /** The Markdown with its timestamp row blanked. */
  static String markdownWithoutTime(String markdown) {
    return MARKDOWN_TIME.matcher(markdown).replaceAll(MarkdownReport.TIMESTAMP_ROW);
  }

  /** Whether these files say the same as {@code yaml}/{@code markdown} apart from the time. */
  public boolean sameApartFromTime(String otherYaml, String otherMarkdown) {
    return yamlWithoutTime(yaml).equals(yamlWithoutTime(otherYaml))
        && markdownWithoutTime(markdown).equals(markdownWithoutTime(otherMarkdown));
  }
}
