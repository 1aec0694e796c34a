package dev.pullsync.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File errors read as words a user acts on, never as an exception class name. */
class ReadFailureSaysWhyInWordsTest {
  @TempDir Path dir;

  @Test
  void missingFileIsNoSuchFile() {
    try {
      Files.readString(dir.resolve("absent.yaml"));
    } catch (IOException e) {
      assertThat(ReadFailure.reason(e)).isEqualTo("no such file");
      return;
    }
    throw new AssertionError("reading an absent file did not fail");
  }

  @Test
  void malformedTextIsNotUtf8() throws IOException {
    Path file = Files.write(dir.resolve("latin1.txt"), new byte[] {(byte) 0xff, (byte) 0xfe});
    try {
      Files.readString(file);
    } catch (IOException e) {
      assertThat(ReadFailure.reason(e)).isEqualTo("not UTF-8 text");
      return;
    }
    throw new AssertionError("reading malformed UTF-8 did not fail");
  }

  @Test
  void unknownFailuresAreAnIoErrorWithoutTheirMessage() {
    assertThat(ReadFailure.reason(new IOException("/secret/path canary"))).isEqualTo("I/O error");
  }
}
