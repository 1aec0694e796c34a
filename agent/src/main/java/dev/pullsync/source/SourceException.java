package dev.pullsync.source;

/**
 * The repository could not be fetched or the revision could not be pinned. Retryable (Git I/O)
 * unless the revision failed verification. The message never holds credentials: URLs are shown
 * without their user-info part.
 */
public final class SourceException extends RuntimeException {
  public SourceException(String message) {
    super(RedactedUrl.scrub(message, java.util.List.of()), null, false, false);
  }
}
