package dev.pullsync.spec;

import java.util.Base64;
import java.util.Optional;

/**
 * The shape of a sealed-secrets ciphertext, checked without a key: standard base64 with padding
 * (CR/LF allowed, as the controller skips them), a 2-byte big-endian RSA block length of a
 * plausible RSA key size, then the RSA block and at least the 16-byte AES-GCM tag. Messages give
 * sizes only, never content.
 */
final class Ciphertext {
  static final int MIN_RSA_BYTES = 128;
  static final int MAX_RSA_BYTES = 1024;
  static final int GCM_TAG_BYTES = 16;

  private Ciphertext() {}

  /** Why {@code base64} is not a plausible sealed-secrets ciphertext, if it is not. */
  static Optional<String> problem(String base64) {
    String s = base64.replace("\r", "").replace("\n", "");
    if (s.isEmpty()) {
      return Optional.of("is empty; expected a sealed-secrets ciphertext");
    }
    if (!isPaddedBase64(s)) {
      return Optional.of(
          "not a sealed-secrets ciphertext: not standard base64 (A-Z a-z 0-9 + / with = padding)");
    }
    byte[] bytes = Base64.getDecoder().decode(s);
    if (bytes.length < 2) {
      return Optional.of("not a sealed-secrets ciphertext: too short");
    }
    int rsaBytes = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
    if (rsaBytes < MIN_RSA_BYTES || rsaBytes > MAX_RSA_BYTES) {
      return Optional.of(
          "not a sealed-secrets ciphertext: its length prefix gives a "
              + rsaBytes
              + "-byte RSA block, not a plausible RSA key size (128 to 1024 bytes)");
    }
    if (bytes.length < 2 + rsaBytes + GCM_TAG_BYTES) {
      return Optional.of(
          "not a sealed-secrets ciphertext: "
              + bytes.length
              + " bytes is shorter than its "
              + rsaBytes
              + "-byte RSA block plus the 16-byte AES-GCM tag (truncated?)");
    }
    return Optional.empty();
  }

  /**
   * Why a well-shaped {@code base64} ciphertext cannot be a credential, if so: one that is exactly
   * its RSA block plus the GCM tag seals an empty value (the AES-GCM part carries no nonce).
   */
  static Optional<String> emptyProblem(String base64) {
    if (problem(base64).isPresent()) {
      return Optional.empty();
    }
    byte[] bytes = Base64.getDecoder().decode(base64.replace("\r", "").replace("\n", ""));
    int rsaBytes = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
    return bytes.length == 2 + rsaBytes + GCM_TAG_BYTES
        ? Optional.of("seals an empty value: a registry cannot log in with it (seal the real one)")
        : Optional.empty();
  }

  private static boolean isPaddedBase64(String s) {
    if (s.length() % 4 != 0) {
      return false;
    }
    int padding = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
    for (int i = 0; i < s.length() - padding; i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
