package dev.pullsync.spec;

import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file could not be read or written, or a connection failed, in words a user acts on ("no
 * such file", "connection refused") rather than an exception class name. Never copies an
 * exception's message (it can name internals or carry data).
 */
public final class IoWords {
  private IoWords() {}

  /** The reason for {@code e}, e.g. {@code "no such file"}; {@code "I/O error"} when unknown. */
  public static String file(Exception e) {
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

  /**
   * Why a network request failed, from the first cause along the chain that says: {@code
   * "connection refused"}, {@code "timed out"}, {@code "unknown host"}, {@code "TLS failed"},
   * {@code "connection closed"}; otherwise the innermost cause's class name.
   */
  public static String network(Throwable e) {
    Throwable root = e;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String words = networkWords(t);
      if (words != null) {
        return words;
      }
      root = t;
    }
    return root.getClass().getSimpleName();
  }

  private static String networkWords(Throwable t) {
    if (t instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (t instanceof java.net.http.HttpTimeoutException
        || t instanceof java.net.SocketTimeoutException
        || t instanceof java.util.concurrent.TimeoutException) {
      return "timed out";
    }
    if (t instanceof java.net.UnknownHostException) {
      return "unknown host";
    }
    if (t instanceof javax.net.ssl.SSLException) {
      return "TLS failed";
    }
    if (t instanceof java.io.EOFException) {
      return "connection closed";
    }
    return null;
  }
}
