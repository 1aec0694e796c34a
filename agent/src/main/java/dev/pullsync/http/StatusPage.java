package dev.pullsync.http;

import dev.pullsync.reconcile.Trigger;
import dev.pullsync.report.HtmlReport;
import dev.pullsync.report.Report;
import dev.pullsync.schedule.ReconcileQueue;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /} and {@code /status}: the latest report as a self-contained HTML page ({@link
 * HtmlReport}). It listens to the reconcile queue and keeps only the newest report; before the
 * first reconcile it answers 503 with a short page saying so.
 */
public final class StatusPage implements ReconcileQueue.RunListener {
  private static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

  private final AtomicReference<Report> latest = new AtomicReference<>();
  private final HtmlReport html = new HtmlReport();

  @Override
  public void finished(Trigger trigger, Report report, Duration took) {
    latest.set(report);
  }

  /** The page as the HTTP port serves it. */
  HttpResponse respond() {
    Report report = latest.get();
    if (report == null) {
      return page(
          503,
          "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>pullsync</title>"
              + "</head><body><p id=\"result\">No reconcile has finished yet.</p></body></html>\n");
    }
    return page(200, html.render(report));
  }

  private static HttpResponse page(int status, String body) {
    return HttpResponse.of(status, "text/html; charset=utf-8", body)
        .withHeader("Content-Security-Policy", CSP)
        .withHeader("Cache-Control", "no-store");
  }
}
