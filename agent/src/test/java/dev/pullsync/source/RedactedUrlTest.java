package dev.pullsync.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactedUrlTest {
  @Test
  void stripsUserInfoQueryAndFragment() {
    assertThat(
            RedactedUrl.of(
                "https://ci:s3cr3t-tok@git.example.com/org/repo.git?private_token=abc#x"))
        .isEqualTo("https://git.example.com/org/repo.git");
    assertThat(RedactedUrl.of("ssh://git@git.example.com:2222/org/repo.git"))
        .isEqualTo("ssh://git.example.com:2222/org/repo.git");
    assertThat(RedactedUrl.of("/srv/git/spec.git")).isEqualTo("/srv/git/spec.git");
  }

  @Test
  void scrubsEveryUrlAndKnownSecretInAMessage() {
    String message =
        "https://u:canary-1234@h/r.git: not authorized; retried https://h/r.git?t=canary-1234 with canary-1234";
    assertThat(RedactedUrl.scrub(message, List.of("canary-1234")))
        .isEqualTo("https://h/r.git: not authorized; retried https://h/r.git with <redacted>")
        .doesNotContain("canary");
  }

  @Test
  void describesACauseChainInOneScrubbedLine() {
    Exception e =
        new IllegalStateException(
            "push to https://x:pw-canary@h/r.git failed",
            new java.io.IOException("pw-canary rejected\nline 2"));
    assertThat(RedactedUrl.describe(e, List.of("pw-canary")))
        .isEqualTo("push to https://h/r.git failed: <redacted> rejected line 2");
  }
}
