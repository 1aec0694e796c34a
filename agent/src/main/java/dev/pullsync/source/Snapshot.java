package dev.pullsync.source;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One pinned revision of the spec repository.
 *
 * @param revision how users see it: {@code <branch>@sha1:<full commit id>}
 * @param commit the full commit id
 * @param specRoot a directory holding exactly the files of that commit under the configured path
 *     (never uncommitted files of a user's checkout)
 */
public record Snapshot(String revision, String commit, Path specRoot, Instant fetchedAt) {
  public Snapshot {
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(specRoot, "specRoot");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
  }

  /** The first 7 characters of the commit, for messages. */
  public String shortCommit() {
    return commit.substring(0, Math.min(7, commit.length()));
  }
}
