package dev.pullsync.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's API server: in this JVM (quick; the agent's CPU and heap figures then include the
 * server's), or forked into its own JVM from the same class path (the default for {@code pullsync
 * bench}, so the figures are the agent's alone).
 */
interface ApiServer extends AutoCloseable {
  String url();

  String mode();

  @Override
  void close();

  static ApiServer inProcess() {
    BenchServer server = BenchServer.start(0);
    return new ApiServer() {
      @Override
      public String url() {
        return "http://127.0.0.1:" + server.port();
      }

      @Override
      public String mode() {
        return "fabric8 mock (CRUD) in the agent's JVM: CPU and heap include the server";
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }

  static ApiServer forked() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    BenchServer.class.getName(),
                    "0"))
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    try {
      Process process = builder.start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null && !line.startsWith(BenchServer.READY)) {
        // skip anything printed before the server is up
      }
      if (line == null) {
        throw new IllegalStateException("the forked API server did not start");
      }
      int port = Integer.parseInt(line.substring(BenchServer.READY.length()).trim());
      return new ApiServer() {
        @Override
        public String url() {
          return "http://127.0.0.1:" + port;
        }

        @Override
        public String mode() {
          return "fabric8 mock (CRUD) in its own JVM: CPU and heap figures are the agent's";
        }

        @Override
        public void close() {
          try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
              process.destroyForcibly();
            }
          } catch (IOException e) {
            process.destroyForcibly();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
          }
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException("cannot fork the API server", e);
    }
  }
}
