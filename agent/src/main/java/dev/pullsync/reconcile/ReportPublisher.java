package dev.pullsync.reconcile;

import dev.pullsync.report.Report;

/**
 * Where a finished reconcile's report goes (the Git write-back, or nowhere with {@code
 * --no-report}). Called once per reconcile, also when it failed. Must not throw for ordinary
 * failures: it logs and retries on its own terms.
 */
@FunctionalInterface
public interface ReportPublisher {
  ReportPublisher NONE = report -> {};

  void publish(Report report);
}
