package dev.pullsync.apply;

import dev.pullsync.desired.Ref;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks each object's write failures by change of state, at debug level: the first failure of an
 * object and a different failure, the same failure again (every retry of a lasting 403), and the
 * first success afterwards. The warning an operator sees is one line per reconcile from {@link
 * FailureSummary} (counts by reason, a few examples), so a fault storm over many objects does not
 * flood the log. Shared by the writers of one applier; safe from the writer threads.
 */
final class FailureLog {
  private static final Logger LOG = LoggerFactory.getLogger(FailureLog.class);

  private final Map<String, String> lastFailure = new ConcurrentHashMap<>();

  /** One write of {@code kind ref} failed for {@code reason} (already redacted). */
  void failed(String kind, Ref ref, String what, String reason) {
    String before = lastFailure.put(kind + " " + ref, reason);
    if (reason.equals(before)) {
      LOG.debug("{} {} still failing: {}", what, ref, reason);
    } else {
      LOG.debug("{} {} failed: {}", what, ref, reason); // the warning: FailureSummary
    }
  }

  /** One write of {@code kind ref} worked; logs the recovery when it had been failing. */
  void succeeded(String kind, Ref ref) {
    String before = lastFailure.remove(kind + " " + ref);
    if (before != null) {
      LOG.debug("{} {} written again after: {}", kind, ref, before);
    }
  }
}
