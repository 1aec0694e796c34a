package dev.pullsync.unseal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Base64 as the sealed-secrets controller reads it (Go's {@code base64.StdEncoding}): the standard
 * alphabet, padding required, carriage returns and line feeds skipped, anything else rejected.
 */
public final class SealedText {
  private SealedText() {}

  /**
   * Decodes {@code text}.
   *
   * @throws UnsealException {@link UnsealException.Reason#MALFORMED_BASE64} for anything else
   */
  public static byte[] decode(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\r' && c != '\n') {
        clean.append(c);
      }
    }
    if (clean.length() % 4 != 0) {
      throw new UnsealException(UnsealException.Reason.MALFORMED_BASE64);
    }
    for (int i = 0; i < clean.length(); i++) {
      if (!isAlphabet(clean.charAt(i))) {
        throw new UnsealException(UnsealException.Reason.MALFORMED_BASE64);
      }
    }
    try {
      return Base64.getDecoder().decode(clean.toString().getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new UnsealException(UnsealException.Reason.MALFORMED_BASE64);
    }
  }

  /** Standard base64 with padding and no line breaks, as {@code kubeseal --raw} prints. */
  public static String encode(byte[] sealed) {
    return Base64.getEncoder().encodeToString(sealed);
  }

  private static boolean isAlphabet(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '+'
        || c == '/'
        || c == '=';
  }
}
