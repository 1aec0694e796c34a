package dev.pullsync.spec;

import java.util.Objects;

/**
 * Where a value came from: a path relative to the spec root (forward slashes) and a 1-based line.
 */
public record Location(String file, int line) {
  public Location {
    Objects.requireNonNull(file, "file");
  }

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
