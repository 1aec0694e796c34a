package dev.pullsync.config;

import java.util.Objects;

/**
 * The {@code report} section: the report written back to Git.
 *
 * @param path "" writes {@code status/<cluster>.*} on {@code branch}; non-empty writes on the
 *     source branch under this directory instead
 */
public record ReportSettings(boolean enabled, String branch, String path, Author author) {
  public ReportSettings {
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(author, "author");
  }

  /** Commit author of report commits. */
  public record Author(String name, String email) {
    public Author {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(email, "email");
    }
  }
}
