package dev.pullsync.reconcile;

/**
 * A retryable failure of a revision: it could not be loaded or unsealed for a reason outside the
 * revision itself (the cluster's key list could not be read, an API or I/O error, a runtime error).
 * Unlike a stalled {@link dev.pullsync.spec.InvalidSpecException}, the same revision is tried again
 * on the next reconcile, which the queue schedules with backoff. The message is in our own words:
 * never a value, key material or another library's message.
 */
public final class RetryableException extends RuntimeException {
  public RetryableException(String message) {
    super(message, null, false, false);
  }
}
