package dev.pullsync.desired;

/**
 * Writes JSON strings exactly as Go's {@code encoding/json} does (which is how {@code kubectl
 * create secret docker-registry} renders {@code .dockerconfigjson}): {@code <}, {@code >}, {@code
 * &} and U+2028/U+2029 as six-character u-escapes (e.g. {@code <} becomes backslash-u003c), short
 * escapes for backspace, form feed, newline, return and tab, other control characters as u-escapes,
 * everything else as raw UTF-8.
 */
final class GoJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoJson() {}

  /** Appends {@code value} as a quoted Go JSON string. */
  static void quote(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]);
            out.append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
