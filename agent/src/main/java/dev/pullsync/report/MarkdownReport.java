package dev.pullsync.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Renders a {@link Report} as {@code status/<cluster>.md}, the drift report a person reads on a Git
 * host: a summary line, the result and revisions, totals, then what needs attention (revision
 * errors, drift kinds, failures, conflicts, pending ServiceAccounts) and finally one table per
 * PullSecret and namespace with what was found and what was done.
 */
public final class MarkdownReport {
  /** The one line that carries the time; {@link ReportFiles} ignores it when comparing. */
  static final String TIMESTAMP_ROW = "| Finished | ";

  public String render(Report report) {
    List<Report.Entry> entries = ReportOrder.sorted(report.entries());
    StringBuilder out = new StringBuilder();
    out.append("# pullsync status: `").append(cell(report.cluster())).append("`\n\n");
    out.append(summary(report)).append("\n\n");
    header(report, out);
    totals(report.counts(), out);
    errors(report.errors(), out);
    notices(report.notices(), out);
    registries(report.registries(), out);
    drift(entries, out);
    selected(out, "Failed", entries, e -> e.status().equals("failed"));
    selected(out, "Conflicts", entries, e -> e.action().equals("conflict"));
    selected(
        out,
        "Pending ServiceAccounts",
        entries,
        e -> e.kind().equals("ServiceAccount") && e.status().equals("pending"));
    perPullSecret(entries, out);
    return out.toString();
  }

  /** One sentence a person can read in a notification: result, drift and failure counts. */
  static String summary(Report report) {
    Report.Counts counts = report.counts();
    return "**"
        + report.result().display()
        + "** at `"
        + CommitMessage.shortRevision(report.revision())
        + "`: "
        + counts.drifted()
        + " drifted, "
        + counts.failed()
        + " failed, "
        + counts.conflicts()
        + " conflicts, "
        + counts.pending()
        + " pending across "
        + counts.namespaces()
        + " namespaces.";
  }

  private static void header(Report report, StringBuilder out) {
    out.append("| | |\n|---|---|\n");
    out.append("| Result | ").append(report.result().display()).append(" |\n");
    out.append("| Instance | `").append(cell(report.instance())).append("` |\n");
    out.append("| Revision | `").append(cell(report.revision())).append("` |\n");
    out.append("| Applied revision | ")
        .append(report.appliedRevision().map(r -> "`" + cell(r) + "`").orElse("none"))
        .append(" |\n");
    out.append(TIMESTAMP_ROW).append(report.finishedAt()).append(" |\n\n");
  }

  private static void totals(Report.Counts c, StringBuilder out) {
    out.append("## Totals\n\n");
    out.append("| Namespaces | Secrets | ServiceAccounts | Created | Updated | Linked | Unlinked |")
        .append(" Deleted | Conflicts | Pending | Drifted | Failed |\n");
    out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    int[] values = {
      c.namespaces(), c.secrets(), c.serviceAccounts(), c.created(), c.updated(), c.linked(),
      c.unlinked(), c.deleted(), c.conflicts(), c.pending(), c.drifted(), c.failed()
    };
    for (int value : values) {
      out.append("| ").append(value).append(' ');
    }
    out.append("|\n\n");
  }

  private static void errors(List<String> errors, StringBuilder out) {
    if (errors.isEmpty()) {
      return;
    }
    out.append("## Errors\n\n");
    for (String error : errors) {
      out.append("- ").append(error.replace('\n', ' ')).append('\n');
    }
    out.append('\n');
  }

  private static void notices(List<String> notices, StringBuilder out) {
    if (notices.isEmpty()) {
      return;
    }
    out.append("## Notices\n\n");
    for (String notice : notices) {
      out.append("- ").append(notice.replace('\n', ' ')).append('\n');
    }
    out.append('\n');
  }

  private static void registries(List<Report.RegistryCheck> checks, StringBuilder out) {
    if (checks.isEmpty()) {
      return;
    }
    out.append("## Registries\n\n| Registry | Server | Login check | Why | Checked |\n");
    out.append("|---|---|---|---|---|\n");
    for (Report.RegistryCheck c : checks) {
      row(out, c.registry(), c.server(), c.verdict(), c.reason(), c.checkedAt().toString());
    }
    out.append('\n');
    if (checks.stream().allMatch(c -> c.images().isEmpty())) {
      return;
    }
    out.append("### Images\n\n| Registry | Image | Image check | Why | Checked |\n");
    out.append("|---|---|---|---|---|\n");
    for (Report.RegistryCheck c : checks) {
      for (Report.ImageCheck i : c.images()) {
        row(out, c.registry(), i.image(), i.verdict(), i.reason(), i.checkedAt().toString());
      }
    }
    out.append('\n');
  }

  private static void drift(List<Report.Entry> entries, StringBuilder out) {
    Map<String, Long> kinds =
        entries.stream()
            .filter(e -> e.drift().isPresent())
            .collect(
                Collectors.groupingBy(e -> e.drift().get(), TreeMap::new, Collectors.counting()));
    if (kinds.isEmpty()) {
      return;
    }
    out.append("## Drift\n\n| Drift | Objects |\n|---|---:|\n");
    kinds.forEach(
        (kind, count) -> out.append("| ").append(kind).append(" | ").append(count).append(" |\n"));
    out.append('\n');
  }

  private static void selected(
      StringBuilder out, String title, List<Report.Entry> entries, Predicate<Report.Entry> which) {
    List<Report.Entry> chosen = entries.stream().filter(which).toList();
    if (chosen.isEmpty()) {
      return;
    }
    out.append("## ").append(title).append("\n\n");
    out.append("| PullSecret | Namespace | Kind | Name | Action | Reason |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (Report.Entry e : chosen) {
      row(out, e.pullSecret(), e.namespace(), e.kind(), e.name(), e.action(), e.reason());
    }
    out.append('\n');
  }

  private static void perPullSecret(List<Report.Entry> entries, StringBuilder out) {
    Map<String, Map<String, List<Report.Entry>>> grouped =
        entries.stream()
            .collect(
                Collectors.groupingBy(
                    Report.Entry::pullSecret,
                    TreeMap::new,
                    Collectors.groupingBy(
                        Report.Entry::namespace, TreeMap::new, Collectors.toList())));
    for (var pullSecret : grouped.entrySet()) {
      out.append("## PullSecret `").append(cell(pullSecret.getKey())).append("`\n\n");
      for (var namespace : pullSecret.getValue().entrySet()) {
        out.append("### Namespace `").append(cell(namespace.getKey())).append("`\n\n");
        out.append("| Kind | Name | Found | Done | Status | Reason |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (Report.Entry e : namespace.getValue()) {
          String found = e.drift().orElse(foundWithoutDrift(e.action()));
          row(out, e.kind(), e.name(), found, e.action(), e.status(), e.reason());
        }
        out.append('\n');
      }
    }
  }

  /** What the agent found when nothing had drifted: new work is not "in sync". */
  private static String foundWithoutDrift(String action) {
    return switch (action) {
      case "pending" -> "not there yet";
      case "link" -> "not linked yet";
      case "create" -> "new";
      case "conflict" -> "foreign object";
      default -> "in sync";
    };
  }

  private static void row(StringBuilder out, String... cells) {
    for (String cell : cells) {
      out.append("| ").append(cell(cell)).append(' ');
    }
    out.append("|\n");
  }

  /** Keeps a value inside its table cell: no pipes, no line breaks. */
  private static String cell(String value) {
    return value.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
  }
}
