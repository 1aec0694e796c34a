package dev.pullsync.apply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One log line for all the writes of a reconcile that failed, instead of one per object: counts by
 * reason, most frequent first, and the first few objects as examples. Under a fault storm the log
 * then grows by one line per reconcile, while every write that did happen keeps its own line.
 */
final class FailureSummary {
  static final int EXAMPLES = 3;

  private FailureSummary() {}

  /** The line, or empty when nothing failed. */
  static Optional<String> of(List<Outcome> outcomes) {
    List<Outcome> failed =
        outcomes.stream().filter(o -> o.status() == Outcome.Status.FAILED).toList();
    if (failed.isEmpty()) {
      return Optional.empty();
    }
    long attempted = outcomes.stream().filter(o -> o.change().toApply()).count();
    Map<String, Long> byReason =
        failed.stream()
            .collect(
                Collectors.groupingBy(Outcome::reason, LinkedHashMap::new, Collectors.counting()));
    String reasons =
        byReason.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .map(e -> e.getValue() + "× " + e.getKey())
            .collect(Collectors.joining("; "));
    String examples =
        failed.stream()
            .limit(EXAMPLES)
            .map(o -> o.change().kind().display() + " " + o.change().ref())
            .collect(Collectors.joining(", "));
    return Optional.of(
        failed.size()
            + " of "
            + attempted
            + " writes failed, retried with the next reconcile: "
            + reasons
            + " (e.g. "
            + examples
            + (failed.size() > EXAMPLES ? ", …" : "")
            + ")");
  }
}
