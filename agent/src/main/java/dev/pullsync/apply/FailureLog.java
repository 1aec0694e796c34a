package dev.pullsync.apply;

import dev.pullsync.desired.Ref;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a failing write once per change of state, as docs/how-it-works.md promises: the first
 * failure of an object and a different failure are warnings, the same failure again (every retry of
 * a lasting 403) is debug only, and the first success afterwards says it works again. Shared by the
 * writers of one applier; safe from the writer threads.
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
      LOG.warn("{} {} failed: {}", what, ref, reason);
    }
  }

  /** One write of {@code kind ref} worked; logs the recovery when it had been failing. */
  void succeeded(String kind, Ref ref) {
    String before = lastFailure.remove(kind + " " + ref);
    if (before != null) {
      LOG.info("{} {} written again after: {}", kind, ref, before);
    }
  }
}
