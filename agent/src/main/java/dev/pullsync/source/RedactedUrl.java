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

  /** One line describing a failure: the exception's class and its scrubbed message, and causes. */
  public static String describe(Throwable failure, Collection<String> secrets) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = failure; t != null && out.length() < 600; t = t.getCause()) {
      if (out.length() > 0) {
        out.append(": ");
      }
      String message = t.getMessage();
      out.append(message == null || message.isBlank() ? t.getClass().getSimpleName() : message);
      if (t.getCause() == t) {
        break;
      }
    }
    return scrub(out.toString().replace('\n', ' '), secrets);
  }
}
