package dev.pullsync.cli;

import dev.pullsync.report.Report;
import java.io.PrintWriter;

/** Prints a finished reconcile's report as a few lines for people. Holds no credential. */
final class RunSummary {
  private RunSummary() {}

  static void print(Report report, PrintWriter out) {
    Report.Counts c = report.counts();
    out.printf(
        "%s %s (cluster %s, instance %s): %d namespaces, %d Secrets, %d ServiceAccounts%n",
        report.result().display(),
        report.revision(),
        report.cluster(),
        report.instance(),
        c.namespaces(),
        c.secrets(),
        c.serviceAccounts());
    report
        .appliedRevision()
        .filter(a -> !a.equals(report.revision()))
        .ifPresent(a -> out.println("  still enforcing " + a));
    out.printf(
        "  created %d, updated %d, linked %d, unlinked %d, deleted %d, conflicts %d, pending %d,"
            + " failed %d%n",
        c.created(),
        c.updated(),
        c.linked(),
        c.unlinked(),
        c.deleted(),
        c.conflicts(),
        c.pending(),
        c.failed());
    for (Report.Entry e : report.entries()) {
      if (!e.action().equals("noop")) {
        out.printf(
            "  %-8s %s %s/%s%s: %s (%s)%n",
            e.action(),
            e.kind(),
            e.namespace(),
            e.name(),
            e.drift().map(d -> " [" + d + "]").orElse(""),
            e.status(),
            e.reason());
      }
    }
    report.errors().forEach(err -> out.println("  error: " + err));
  }

  /** 0 when everything converged (or was only reported), 1 when anything failed. */
  static int exitCode(Report report) {
    boolean converged =
        report.result() == Report.Result.SYNCED
            || (report.result() == Report.Result.DRIFTED && report.counts().conflicts() == 0);
    return converged ? ExitCode.OK : ExitCode.FAILED;
  }
}
