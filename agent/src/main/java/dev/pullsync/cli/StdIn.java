package dev.pullsync.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads all of standard input (looked up at call time, so tests can replace it). */
final class StdIn {
  private StdIn() {}

  static byte[] readAll() {
    try {
      return System.in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read standard input", e);
    }
  }
}
