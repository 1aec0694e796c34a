package dev.pullsync.live;

/** The instance state does not fit in one Kubernetes object (1 MiB); nothing was stored. */
public final class StateTooLargeException extends RuntimeException {
  public StateTooLargeException(String message) {
    super(message, null, false, false);
  }
}
