package dev.pullsync.report;

import dev.pullsync.live.ClusterListing;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two rendered files of one cluster's report, and how to compare them with what is already
 * committed while ignoring the time they were made; after a full reconcile also the cluster's
 * inventory.
 */
public record ReportFiles(String yaml, String markdown, Optional<String> inventory) {
  private static final Pattern YAML_TIME =
      Pattern.compile("(?m)^" + YamlReport.TIMESTAMP_KEY + ":.*$");
  private static final Pattern MARKDOWN_TIME =
      Pattern.compile("(?m)^" + Pattern.quote(MarkdownReport.TIMESTAMP_ROW) + ".*$");

  /**
   * Any other moment the files name (a registry's {@code checkedAt}, which a new process sets
   * anew): timestamps alone never make a commit.
   */
  private static final Pattern INSTANT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z");

  public ReportFiles {
    Objects.requireNonNull(yaml, "yaml");
    Objects.requireNonNull(markdown, "markdown");
    Objects.requireNonNull(inventory, "inventory");
  }

  /** The two report files without an inventory. */
  public ReportFiles(String yaml, String markdown) {
    this(yaml, markdown, Optional.empty());
  }

  /** The report files and the inventory of the cluster the report is about. */
  public static ReportFiles of(Report report, ClusterListing listing) {
    return new ReportFiles(
        new YamlReport().render(report),
        new MarkdownReport().render(report),
        Optional.of(new InventoryYaml().render(report, listing)));
  }

  /** Whether the inventory is absent or the same as {@code committed} apart from the time. */
  public boolean inventoryUnchanged(Optional<String> committed) {
    return inventory.isEmpty()
        || committed
            .map(InventoryYaml::withoutTime)
            .equals(Optional.of(InventoryYaml.withoutTime(inventory.get())));
  }

  /** Renders both files of a report. */
  public static ReportFiles of(Report report) {
    return new ReportFiles(new YamlReport().render(report), new MarkdownReport().render(report));
  }

  /** The YAML with its timestamps blanked, for "did anything change" decisions. */
  static String yamlWithoutTime(String yaml) {
    String blanked = YAML_TIME.matcher(yaml).replaceAll(YamlReport.TIMESTAMP_KEY + ":");
    return INSTANT.matcher(blanked).replaceAll("<time>");
  }

  /** The Markdown with its timestamps blanked. */
  static String markdownWithoutTime(String markdown) {
    String blanked = MARKDOWN_TIME.matcher(markdown).replaceAll(MarkdownReport.TIMESTAMP_ROW);
    return INSTANT.matcher(blanked).replaceAll("<time>");
  }

  /** Whether these files say the same as {@code yaml}/{@code markdown} apart from the time. */
  public boolean sameApartFromTime(String otherYaml, String otherMarkdown) {
    return yamlWithoutTime(yaml).equals(yamlWithoutTime(otherYaml))
        && markdownWithoutTime(markdown).equals(markdownWithoutTime(otherMarkdown));
  }
}
