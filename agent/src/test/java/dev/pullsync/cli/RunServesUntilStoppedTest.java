package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code pullsync run} without {@code --once}, as a user starts it: it reconciles at startup,
 * serves health and metrics on its port, serves a namespace created later within seconds, and stops
 * gracefully.
 */
class RunServesUntilStoppedTest {
  @TempDir Path tmp;
  private final MockCluster cluster = new MockCluster();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    cluster.close();
  }

  private List<String> args(EngineCli cli, int port, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--repo",
                cli.repo.dir().toString(),
                "--key",
                cli.repo.keyFile().toString(),
                "--kubeconfig",
                cluster.kubeconfig(tmp).toString(),
                "--work-dir",
                tmp.resolve("work").toString(),
                "--cluster",
                "test",
                "--no-report",
                "--http-port",
                String.valueOf(port)));
    args.addAll(List.of(extra));
    return args;
  }

  private String get(int port, String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  @Test
  void reconcilesServesHealthAndMetricsAndNewNamespacesThenStops() throws Exception {
    cluster.namespace("user-example-com").serviceAccount("user-example-com", "default");
    EngineCli cli = new EngineCli(tmp, cluster);
    int port = freePort();
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    AtomicInteger exit = new AtomicInteger(-1);
    List<String> args = args(cli, port, "--schedule", "0 0 0 1 1 ? 2099");
    Thread agent = new Thread(() -> exit.set(cl.execute(args.toArray(String[]::new))), "agent");
    agent.start();
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  cluster
                      .pullSecretsOf("user-example-com", "default")
                      .contains("harbor-credentials"));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> get(port, "/readyz").equals("200 ready\n"));
      assertThat(get(port, "/healthz")).isEqualTo("200 ok\n");
      String metrics = get(port, "/metrics");
      assertThat(metrics)
          .startsWith("200 ")
          .contains("pullsync_reconcile_total{result=\"synced\"} 1.0")
          .contains(
              "pullsync_objects_total{action=\"create\",kind=\"Secret\",status=\"applied\"} 1.0")
          .containsPattern("pullsync_api_requests_total\\{method=\"GET\"} [1-9]")
          .doesNotContain(Fixtures.CANARY);

      cluster.namespace("team-x").serviceAccount("team-x", "default");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> cluster.pullSecretsOf("team-x", "default").contains("harbor-credentials"));
    } finally {
      agent.interrupt();
      agent.join(30_000);
    }
    assertThat(agent.isAlive()).isFalse();
    assertThat(exit).hasValue(0);
    assertThat(err.toString()).doesNotContain(Fixtures.CANARY);
  }

  @Test
  void aFiveFieldUnixCronIsInvalidInputWithOneClearLine() {
    EngineCli cli = new EngineCli(tmp, cluster);
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args(cli, 0, "--schedule", "*/5 * * * *").toArray(String[]::new));
    assertThat(exit).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(err.toString())
        .startsWith("pullsync: schedule: '*/5 * * * *' is not a Quartz cron expression")
        .doesNotContain("Exception");
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
