package dev.pullsync.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/ci/get-pullsync.sh downloads the jar from PULLSYNC_JAR_URL, keeps it only when it
 * matches PULLSYNC_JAR_SHA256, and says what to set when no source is given.
 */
class GetPullsyncChecksTheJarItDownloadsTest {
  private static final byte[] JAR =
      "PK\u0003\u0004 not really a jar".getBytes(StandardCharsets.UTF_8);

  @TempDir Path tmp;

  @Test
  void theJarIsKeptOnlyWhenItsChecksumMatches() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/pullsync.jar",
        ex -> {
          ex.sendResponseHeaders(200, JAR.length);
          ex.getResponseBody().write(JAR);
          ex.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/pullsync.jar";
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(JAR));
      Path jar = tmp.resolve("pullsync.jar");

      Sh.Result good =
          Sh.run(
              tmp,
              Map.of("PULLSYNC_JAR_URL", url, "PULLSYNC_JAR_SHA256", sha),
              "get-pullsync.sh",
              jar.toString());
      assertThat(good.exit()).as(good.all()).isZero();
      assertThat(jar).hasBinaryContent(JAR);

      Files.delete(jar);
      String wrong = sha.replace(sha.charAt(0), sha.charAt(0) == '0' ? '1' : '0');
      Sh.Result bad =
          Sh.run(
              tmp,
              Map.of("PULLSYNC_JAR_URL", url, "PULLSYNC_JAR_SHA256", wrong),
              "get-pullsync.sh",
              jar.toString());
      assertThat(bad.exit()).isNotZero();
      assertThat(bad.err()).contains("does not match PULLSYNC_JAR_SHA256");
      assertThat(jar).doesNotExist();

      Sh.Result missing =
          Sh.run(
              tmp,
              Map.of("PULLSYNC_JAR_URL", url.replace("pullsync.jar", "gone.jar")),
              "get-pullsync.sh",
              jar.toString());
      assertThat(missing.exit()).isNotZero();
      assertThat(missing.err()).contains("could not download");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void withoutASourceItSaysWhatToSet() throws Exception {
    Sh.Result r = Sh.run(tmp, Map.of(), "get-pullsync.sh", tmp.resolve("pullsync.jar").toString());
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("PULLSYNC_JAR_URL").contains("PULLSYNC_IMAGE");
  }
}
