package dev.pullsync.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File errors read as words a user acts on, never as an exception class name. */
class IoWordsSayWhyTest {
  @TempDir Path dir;

  @Test
  void missingFileIsNoSuchFile() {
    try {
      Files.readString(dir.resolve("absent.yaml"));
    } catch (IOException e) {
      assertThat(IoWords.file(e)).isEqualTo("no such file");
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
      assertThat(IoWords.file(e)).isEqualTo("not UTF-8 text");
      return;
    }
    throw new AssertionError("reading malformed UTF-8 did not fail");
  }

  @Test
  void unknownFailuresAreAnIoErrorWithoutTheirMessage() {
    assertThat(IoWords.file(new IOException("/secret/path canary"))).isEqualTo("I/O error");
  }

  @Test
  void aClosedLoopbackPortIsConnectionRefused() throws Exception {
    int port;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try {
      java.net.http.HttpClient.newHttpClient()
          .send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + port + "/v2/"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      assertThat(IoWords.network(e)).isEqualTo("connection refused");
      return;
    }
    throw new AssertionError("a closed port answered");
  }
}
