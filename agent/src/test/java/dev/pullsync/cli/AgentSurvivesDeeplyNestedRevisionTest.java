package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The scenario end to end, through {@code pullsync run}: a commit whose Registry nests its
 * server 3,000 levels deep (which used to kill the reconcile thread with a StackOverflowError while
 * /readyz said 200 and the report said Synced). Now every scheduled reconcile reports that revision
 * failed (metrics), the last good Secret stays, /healthz and /readyz stay 200, and the commit that
 * fixes the spec is applied by the next scheduled reconcile.
 */
class AgentSurvivesDeeplyNestedRevisionTest {
  @TempDir Path tmp;
  private final MockCluster cluster = new MockCluster();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void deepYamlIsAFailedRevisionAndTheFixIsApplied() throws Exception {
    cluster.namespace("user-example-com").serviceAccount("user-example-com", "default");
    cluster.namespace("fixed-ns").serviceAccount("fixed-ns", "default");
    EngineCli cli = new EngineCli(tmp, cluster);
    int port = freePort();
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(new StringWriter(), true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    AtomicInteger exit = new AtomicInteger(-1);
    List<String> args =
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
            String.valueOf(port),
            "--schedule",
            "* * * * * ?"); // every second: each tick fetches
    Thread agent = new Thread(() -> exit.set(cl.execute(args.toArray(String[]::new))), "agent");
    agent.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> linked("user-example-com"));
      double failedBefore = count(port, "failed");

      cli.repo
          .write(
              "deep.yaml",
              """
              apiVersion: pullsync.dev/v1alpha1
              kind: Registry
              metadata:
                name: deep
              spec:
                server: %s
              """
                  .formatted("[".repeat(3000) + "]".repeat(3000)))
          .commit("a Registry nested 3,000 deep");
      long committed = System.nanoTime();
      await().atMost(Duration.ofSeconds(30)).until(() -> count(port, "failed") >= failedBefore + 3);
      long reported = System.nanoTime();
      assertThat(get(port, "/healthz")).isEqualTo("200 ok\n");
      assertThat(get(port, "/readyz")).isEqualTo("200 ready\n");
      assertThat(linked("user-example-com")).as("the last good revision stays").isTrue();
      assertThat(linked("fixed-ns")).isFalse();

      cli.repo
          .write("deep.yaml", cli.repo.registry("deep", "deep.example.com", "admin", "pw"))
          .write(
              "pull-secret.yaml",
              EngineCli.PULL_SECRET.replace("[user-example-com]", "[user-example-com, fixed-ns]"))
          .commit("fix the spec");
      long fixed = System.nanoTime();
      // the queue backs off while reconciles fail (2 s doubling, up to 5 min): the fix waits for it
      await().atMost(Duration.ofSeconds(90)).until(() -> linked("fixed-ns"));
      long recovered = System.nanoTime();
      double failedAfter = count(port, "failed");
      Thread.sleep(3000); // three more scheduled reconciles, none failed
      assertThat(count(port, "failed")).isEqualTo(failedAfter);
      assertThat(get(port, "/healthz")).isEqualTo("200 ok\n");
      System.out.printf(
          "deep YAML: 3 failed reconciles reported %d ms after the commit; fix applied %d ms"
              + " after its commit%n",
          (reported - committed) / 1_000_000, (recovered - fixed) / 1_000_000);
    } finally {
      agent.interrupt();
      agent.join(30_000);
    }
    assertThat(agent.isAlive()).isFalse();
    assertThat(exit).hasValue(0);
  }

  private boolean linked(String namespace) {
    return cluster.pullSecretsOf(namespace, "default").contains("harbor-credentials");
  }

  private double count(int port, String result) throws Exception {
    Matcher m =
        Pattern.compile("pullsync_reconcile_total\\{result=\"" + result + "\"} ([0-9.]+)")
            .matcher(get(port, "/metrics"));
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private String get(int port, String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
