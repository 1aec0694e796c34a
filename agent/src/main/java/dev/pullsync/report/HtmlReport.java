package dev.pullsync.report;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The latest report as one small self-contained HTML page (no external asset, one inline style and
 * a few lines of inline script for the filter box): result, revision, time, counts, then one table
 * row per PullSecret, namespace and object with drift, failures and pending rows first and
 * highlighted; the registry verdicts (login and {@code verify} images) in a table of their own.
 * Every text is escaped; like the Markdown, it holds no credential because the report holds none.
 */
public final class HtmlReport {
  private static final String STYLE =
      "body{font:14px system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse}"
          + "td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left}"
          + "tr.attention{background:#fde2e1;font-weight:600}.r-Synced{color:#17692b}"
          + ".r-Drifted,.r-Degraded{color:#9a5b00}.r-Failed{color:#b00020}";
  private static final String SCRIPT =
      "const box=document.getElementById('filter');"
          + "function apply(){const q=box.value.toLowerCase();"
          + "for(const r of document.querySelectorAll('#objects tbody tr')){"
          + "r.hidden=q!==''&&!r.textContent.toLowerCase().includes(q);}}"
          + "box.addEventListener('input',apply);"
          + "const h=new URLSearchParams(location.hash.slice(1)).get('filter');"
          + "if(h){box.value=h;apply();}";

  /** The page for {@code report}. */
  public String render(Report report) {
    StringBuilder html = new StringBuilder(4096);
    String result = report.result().display();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>pullsync ")
        .append(esc(report.cluster()))
        .append(": ")
        .append(esc(result))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n<h1>pullsync status: <span id=\"result\" class=\"r-")
        .append(esc(result))
        .append("\">")
        .append(esc(result))
        .append("</span></h1>\n<p>Cluster <b>")
        .append(esc(report.cluster()))
        .append("</b>, revision <code id=\"revision\">")
        .append(esc(report.revision()))
        .append("</code>, finished <time id=\"finished\">")
        .append(esc(report.finishedAt().toString()))
        .append("</time>.</p>\n");
    counts(html, report.counts());
    list(html, "errors", "Errors", report.errors());
    list(html, "notices", "Notices", report.notices());
    registries(html, report.registries());
    objects(html, report.entries());
    html.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
    return html.toString();
  }

  private static void counts(StringBuilder html, Report.Counts c) {
    html.append("<table id=\"counts\"><tr>");
    String[][] cells = {
      {"namespaces", "" + c.namespaces()}, {"secrets", "" + c.secrets()},
      {"created", "" + c.created()}, {"updated", "" + c.updated()},
      {"linked", "" + c.linked()}, {"unlinked", "" + c.unlinked()},
      {"deleted", "" + c.deleted()}, {"conflicts", "" + c.conflicts()},
      {"pending", "" + c.pending()}, {"drifted", "" + c.drifted()},
      {"failed", "" + c.failed()}
    };
    for (String[] cell : cells) {
      html.append("<th>").append(cell[0]).append("</th>");
    }
    html.append("</tr><tr>");
    for (String[] cell : cells) {
      html.append("<td data-count=\"").append(cell[0]).append("\">").append(cell[1]);
      html.append("</td>");
    }
    html.append("</tr></table>\n");
  }

  private static void list(StringBuilder html, String id, String title, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    html.append("<h2>").append(title).append("</h2><ul id=\"").append(id).append("\">");
    items.forEach(i -> html.append("<li>").append(esc(i)).append("</li>"));
    html.append("</ul>\n");
  }

  /**
   * One row per Registry login and per {@code verify} image, with the verdicts that are not
   * accepted/pullable highlighted.
   */
  private static void registries(StringBuilder html, List<Report.RegistryCheck> checks) {
    if (checks.isEmpty()) {
      return;
    }
    html.append("<h2>Registries</h2>\n<table id=\"registries\"><thead><tr><th>Registry</th>")
        .append("<th>Server</th><th>Check</th><th>Verdict</th><th>Why</th><th>Checked</th>")
        .append("</tr></thead><tbody>\n");
    for (Report.RegistryCheck c : checks) {
      verdictRow(html, c.registry(), c.server(), "login", c.verdict(), c.reason(), c.checkedAt());
      for (Report.ImageCheck i : c.images()) {
        verdictRow(
            html,
            c.registry(),
            c.server(),
            "image " + i.image(),
            i.verdict(),
            i.reason(),
            i.checkedAt());
      }
    }
    html.append("</tbody></table>\n");
  }

  private static void verdictRow(
      StringBuilder html,
      String registry,
      String server,
      String check,
      String verdict,
      String reason,
      Instant at) {
    boolean fine = verdict.equals("accepted") || verdict.equals("pullable");
    html.append(fine ? "<tr" : "<tr class=\"attention\"")
        .append(" data-verdict=\"")
        .append(esc(verdict))
        .append("\">");
    cell(html, registry);
    cell(html, server);
    cell(html, check);
    cell(html, verdict);
    cell(html, reason);
    cell(html, at.toString());
    html.append("</tr>\n");
  }

  private static void objects(StringBuilder html, List<Report.Entry> entries) {
    html.append("<h2>Objects</h2>\n<p><label>Filter <input id=\"filter\" type=\"search\"")
        .append(" placeholder=\"namespace, Secret, drift...\"></label></p>\n")
        .append("<table id=\"objects\"><thead><tr><th>PullSecret</th><th>Namespace</th>")
        .append("<th>Object</th><th>Drift</th><th>Action</th><th>Status</th><th>Why</th>")
        .append("</tr></thead><tbody>\n");
    List<Report.Entry> sorted =
        entries.stream()
            .sorted(
                Comparator.comparing((Report.Entry e) -> !attention(e))
                    .thenComparing(Report.Entry::pullSecret)
                    .thenComparing(Report.Entry::namespace)
                    .thenComparing(Report.Entry::kind)
                    .thenComparing(Report.Entry::name))
            .toList();
    for (Report.Entry e : sorted) {
      html.append(attention(e) ? "<tr class=\"attention\">" : "<tr>");
      cell(html, e.pullSecret());
      cell(html, e.namespace());
      cell(html, e.kind() + " " + e.name());
      cell(html, e.drift().orElse(""));
      cell(html, e.action());
      cell(html, e.status());
      cell(html, e.reason());
      html.append("</tr>\n");
    }
    html.append("</tbody></table>\n");
  }

  /** Drift, a failure or a pending object: what a reader should see first. */
  static boolean attention(Report.Entry e) {
    return e.drift().isPresent() || e.status().equals("failed") || e.status().equals("pending");
  }

  private static void cell(StringBuilder html, String text) {
    html.append("<td>").append(esc(text)).append("</td>");
  }

  private static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
