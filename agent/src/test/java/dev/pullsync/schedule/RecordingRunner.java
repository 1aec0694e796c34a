package dev.pullsync.schedule;

import dev.pullsync.reconcile.ReconcileRunner;
import dev.pullsync.reconcile.Trigger;
import dev.pullsync.report.Report;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A runner that records the triggers it ran and reports Synced. */
final class RecordingRunner implements ReconcileRunner {
  final List<Trigger> runs = new CopyOnWriteArrayList<>();

  @Override
  public Report run(Trigger trigger) {
    runs.add(trigger);
    return TestReports.of(Report.Result.SYNCED);
  }

  boolean ranFor(String namespace) {
    return runs.stream().anyMatch(t -> t.namespaces().contains(namespace));
  }
}
