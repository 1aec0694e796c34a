package dev.pullsync.source;

/**
 * The repository could not be fetched or the revision could not be pinned. Retryable (Git I/O)
 * unless the revision failed verification. The message never holds credentials: URLs are shown
 * without their user-info part.
 */
public final class SourceException extends RuntimeException {
  public SourceException(String message) {
    super(redact(message), null, false, false);
  }

  /** Removes {@code user:password@} from every URL in {@code text}. */
  public static String redact(String text) {
    return text == null ? "" : text.replaceAll("(?i)([a-z][a-z0-9+.-]*://)[^/@\\s]+@", "$1");
  }
}
