package dev.pullsync.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ReportPublisher} works.
 *
 * @param workDir where the publisher keeps its bare clones: one folder per remote and branch,
 *     claimed by one process at a time ({@code WorkFolder}), never the source's work folder
 * @param authorName commit author and committer name, e.g. {@code pullsync}
 * @param authorEmail e.g. {@code pullsync@<cluster>.invalid}
 * @param maxAttempts fetch-commit-push rounds before giving up (contention with other clusters)
 * @param firstBackoff the wait after the first rejected push; doubles each time, with jitter
 * @param maxBackoff the longest single wait
 */
public record PublisherSettings(
    ReportTarget target,
    Path workDir,
    String authorName,
    String authorEmail,
    int maxAttempts,
    Duration firstBackoff,
    Duration maxBackoff) {
  public PublisherSettings {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(authorName, "authorName");
    Objects.requireNonNull(authorEmail, "authorEmail");
    Objects.requireNonNull(firstBackoff, "firstBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** Defaults: author {@code pullsync <pullsync@localhost>}, 10 attempts, 200 ms to 10 s. */
  public static PublisherSettings defaults(ReportTarget target, Path workDir) {
    return new PublisherSettings(
        target,
        workDir,
        "pullsync",
        "pullsync@localhost",
        10,
        Duration.ofMillis(200),
        Duration.ofSeconds(10));
  }

  public PublisherSettings withAuthor(String name, String email) {
    return new PublisherSettings(
        target, workDir, name, email, maxAttempts, firstBackoff, maxBackoff);
  }

  public PublisherSettings withRetries(int attempts, Duration first, Duration max) {
    return new PublisherSettings(target, workDir, authorName, authorEmail, attempts, first, max);
  }
}
