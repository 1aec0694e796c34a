package dev.pullsync.report;

import java.util.Comparator;
import java.util.List;

/** The one order report entries are shown in: PullSecret, namespace, kind, name. */
final class ReportOrder {
  static final Comparator<Report.Entry> ENTRIES =
      Comparator.comparing(Report.Entry::pullSecret)
          .thenComparing(Report.Entry::namespace)
          .thenComparing(Report.Entry::kind)
          .thenComparing(Report.Entry::name)
          .thenComparing(Report.Entry::action);

  private ReportOrder() {}

  static List<Report.Entry> sorted(List<Report.Entry> entries) {
    return entries.stream().sorted(ENTRIES).toList();
  }
}
