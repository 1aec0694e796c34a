package dev.pullsync.apply;

import dev.pullsync.plan.Change;
import java.util.Locale;
import java.util.Objects;

/**
 * What became of one planned change. {@code reason} is the change's reason, or for a failure the
 * API's status code and reason word (never a request or response body).
 */
public record Outcome(Change change, Status status, String reason) {
  public Outcome {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
  }

  /** The report's status words. */
  public enum Status {
    APPLIED,
    PLANNED,
    FAILED,
    SKIPPED,
    PENDING,
    UNCHANGED;

    public String display() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The outcome of a change the applier does not write (no-op, conflict, pending, report, refused).
   */
  public static Outcome unwritten(Change change) {
    Status status =
        switch (change.action()) {
          case NOOP -> Status.UNCHANGED;
          case PENDING -> Status.PENDING;
          case CONFLICT -> Status.SKIPPED;
          default ->
              switch (change.execution()) {
                case REPORT -> Status.PLANNED;
                case REFUSED -> Status.SKIPPED;
                case APPLY -> throw new IllegalArgumentException("change is to be applied");
              };
        };
    return new Outcome(change, status, change.reason());
  }
}
