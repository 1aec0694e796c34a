package dev.pullsync.source;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Removes what must never be logged from Git URLs and from messages that mention them: the user
 * info ({@code https://user:token@host}), the query string and the fragment. Known secret values (a
 * token read from a file) are replaced as well, wherever they appear.
 */
public final class RedactedUrl {
  static final String REDACTED = "<redacted>";
  private static final Pattern USERINFO =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s\"'<>]*@");
  private static final Pattern QUERY =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^\\s?#\"'<>]*)[?#][^\\s\"'<>]*");

  private RedactedUrl() {}

  /** The URL without user info, query or fragment; other text (a local path) as it is. */
  public static String of(String url) {
    return scrub(url, java.util.List.of());
  }

  /** The message with every URL redacted and every given secret value replaced. */
  public static String scrub(String message, Collection<String> secrets) {
    if (message == null) {
      return "";
    }
    String out = USERINFO.matcher(message).replaceAll("$1");
    out = QUERY.matcher(out).replaceAll("$1");
    for (String secret : secrets) {
      if (secret != null && secret.length() >= 4) {
        out = out.replace(secret, REDACTED);
      }
    }
    return out;
  }

  /**
   * One line describing a failure: its message and those of its causes (each once; JGit repeats a
   * cause's text in its wrapper), scrubbed.
   */
  public static String describe(Throwable failure, Collection<String> secrets) {
    StringBuilder out = new StringBuilder();
    Throwable previous = null;
    for (Throwable t = failure;
        t != null && t != previous && out.length() < 600;
        t = t.getCause()) {
      previous = t;
      String message = t.getMessage();
      String text = message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
      if (out.indexOf(text) >= 0) {
        continue;
      }
      if (out.length() > 0) {
        out.append(": ");
      }
      out.append(text);
    }
    return scrub(out.toString().replace('\n', ' '), secrets);
  }
}
