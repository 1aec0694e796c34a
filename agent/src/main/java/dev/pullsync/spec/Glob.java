package dev.pullsync.spec;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A shell-style glob over Kubernetes names: {@code *} any run of characters, {@code ?} one
 * character, {@code [abc]} / {@code [a-z]} a class. Anything else matches itself. Use {@link
 * #parse} to get one; it rejects malformed globs with a message fit for a {@link Problem}.
 */
public final class Glob {
  private final String text;
  private final Pattern regex;

  private Glob(String text, Pattern regex) {
    this.text = text;
    this.regex = regex;
  }

  /**
   * Parses a glob.
   *
   * @throws IllegalArgumentException with a user-facing message when the glob is malformed
   */
  public static Glob parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty glob");
    }
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        case '[' -> {
          int close = text.indexOf(']', i + 1);
          if (close < 0) {
            throw new IllegalArgumentException("unclosed '[' in glob \"" + text + "\"");
          }
          String body = text.substring(i + 1, close);
          if (body.isEmpty() || body.equals("!")) {
            throw new IllegalArgumentException("empty character class in glob \"" + text + "\"");
          }
          if (!body.matches("!?[a-z0-9.\\-]+")) {
            throw new IllegalArgumentException(
                "character class may hold only a-z, 0-9, '-' and '.' in glob \"" + text + "\"");
          }
          boolean negate = body.startsWith("!");
          String cls = negate ? body.substring(1) : body;
          re.append(negate ? "[^" : "[").append(cls.replace("\\", "\\\\")).append(']');
          i = close;
        }
        case ']' -> throw new IllegalArgumentException("unmatched ']' in glob \"" + text + "\"");
        default -> {
          if (!(Character.isLetterOrDigit(c) || c == '-' || c == '.')) {
            throw new IllegalArgumentException(
                "character '" + c + "' cannot occur in a Kubernetes name (glob \"" + text + "\")");
          }
          re.append(Pattern.quote(String.valueOf(c)));
        }
      }
    }
    return new Glob(text, Pattern.compile(re.toString()));
  }

  /** True when the glob has no wildcard, i.e. it matches exactly one name. */
  public boolean isLiteral() {
    return text.chars().noneMatch(c -> c == '*' || c == '?' || c == '[');
  }

  public boolean matches(String name) {
    return regex.matcher(name).matches();
  }

  public String text() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Glob g && g.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
