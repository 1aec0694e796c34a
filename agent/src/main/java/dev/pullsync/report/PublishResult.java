package dev.pullsync.report;

import java.util.Objects;
import java.util.Optional;

/**
 * What one {@link ReportPublisher#publish} did. Never thrown: a failed publish is a result the
 * caller records (metrics, health), and the reconcile goes on.
 *
 * @param commit the new report commit when {@code outcome} is {@code COMMITTED}
 * @param attempts how many fetch-commit-push rounds it took (contention with other clusters)
 * @param message one redacted line for logs and status
 */
public record PublishResult(
    Outcome outcome, Optional<String> commit, int attempts, String message) {
  public PublishResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(message, "message");
  }

  /**
   * COMMITTED: pushed a new commit. UNCHANGED: same content apart from time, nothing pushed.
   * DISABLED: reporting is off ({@code --no-report}). FAILED: gave up; {@code message} says why.
   */
  public enum Outcome {
    COMMITTED,
    UNCHANGED,
    DISABLED,
    FAILED
  }

  public boolean failed() {
    return outcome == Outcome.FAILED;
  }
}
