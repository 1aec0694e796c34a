package dev.pullsync.unseal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Base64 exactly as the controller's Go decoder reads it. */
class SealedTextTest {
  @Test
  void skipsCarriageReturnsAndLineFeeds() {
    assertThat(SealedText.decode("SGFy\r\nYm9y\nMTIz\rNDU=\n")).asString().isEqualTo("Harbor12345");
  }

  @Test
  void encodesWithPaddingAndNoLineBreaks() {
    byte[] data = new byte[200];
    assertThat(SealedText.encode(new byte[] {1})).isEqualTo("AQ==");
    assertThat(SealedText.encode(data)).doesNotContain("\n").endsWith("=");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"AQ", "AQ=", "SGFy Ym9y", "SGFy\tYm9y", "a-_b", "AQ==AQ==", "A===", "é123"})
  void rejectsWhatGoStdEncodingRejects(String text) {
    assertThatThrownBy(() -> SealedText.decode(text))
        .isInstanceOf(UnsealException.class)
        .hasMessage(UnsealException.Reason.MALFORMED_BASE64.text());
  }

  @Test
  void theEmptyStringIsEmptyBytes() {
    assertThat(SealedText.decode("")).isEmpty();
  }
}
