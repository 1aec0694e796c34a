package dev.pullsync.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes the demo's own temporary folder on exit (never one the user named with --dir). */
final class TempFolder {
  private TempFolder() {}

  /** Deletes {@code dir} and everything under it, children first; a missing folder is fine. */
  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the demo folder " + dir, e);
    }
  }
}
