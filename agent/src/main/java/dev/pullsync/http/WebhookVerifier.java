package dev.pullsync.http;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a Git push webhook comes from the configured Git host: GitHub's {@code
 * X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>} or GitLab's {@code X-Gitlab-Token:
 * <secret>}, both compared in constant time. Holds the secret; its {@code toString} does not show
 * it.
 */
public final class WebhookVerifier {
  private final byte[] secret;

  public WebhookVerifier(byte[] secret) {
    if (secret.length == 0) {
      throw new IllegalArgumentException("webhook secret is empty");
    }
    this.secret = secret.clone();
  }

  /** Reads a secret file's content, ignoring one trailing newline (as editors and kubectl add). */
  public static WebhookVerifier ofFileContent(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    return new WebhookVerifier(text.strip().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * True when either header proves the sender knows the secret.
   *
   * @param githubSignature the {@code X-Hub-Signature-256} header, if sent
   * @param gitlabToken the {@code X-Gitlab-Token} header, if sent
   */
  public boolean verify(
      Optional<String> githubSignature, Optional<String> gitlabToken, byte[] body) {
    if (githubSignature.isPresent()) {
      return verifyGitHub(githubSignature.get(), body);
    }
    return gitlabToken
        .map(t -> MessageDigest.isEqual(t.getBytes(StandardCharsets.UTF_8), secret))
        .orElse(false);
  }

  private boolean verifyGitHub(String header, byte[] body) {
    String value = header.trim();
    if (!value.toLowerCase(Locale.ROOT).startsWith("sha256=")) {
      return false;
    }
    byte[] sent;
    try {
      sent = HexFormat.of().parseHex(value.substring("sha256=".length()).toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(sent, hmac(body));
  }

  /** HMAC-SHA256 of {@code body} with the secret (what GitHub sends, hex-encoded). */
  byte[] hmac(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "WebhookVerifier[secret=<redacted>]";
  }
}
