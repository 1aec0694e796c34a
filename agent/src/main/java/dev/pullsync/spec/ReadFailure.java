package dev.pullsync.spec;

import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file could not be read or written, in words a user acts on ("no such file", "permission
 * denied") rather than an exception class name. Never includes file contents.
 */
public final class ReadFailure {
  private ReadFailure() {}

  /** The reason for {@code e}, e.g. {@code "no such file"}; {@code "I/O error"} when unknown. */
  public static String reason(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "a path element is not a folder";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file of that name exists";
    }
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    return "I/O error";
  }
}
