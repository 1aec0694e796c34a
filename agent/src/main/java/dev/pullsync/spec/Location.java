package dev.pullsync.spec;

import java.util.Objects;

/**
 * Where a value came from: a path relative to the spec root (forward slashes) and a 1-based line.
 */
public record Location(String file, int line) {
  public Location {
    Objects.requireNonNull(file, "file");
  }

  /** A problem with a command-line flag or setting rather than with a file. */
  public static final Location COMMAND_LINE = new Location("", 0);

  /** Whether this is {@link #COMMAND_LINE}: there is no file and line to print. */
  public boolean isCommandLine() {
    return file.isEmpty() && line == 0;
  }

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
