package dev.pullsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan --offline-from} in a fresh JVM whose environment has no KUBECONFIG, no {@code
 * ~/.kube/config} and no in-cluster service account: it plans all the same. And with a KUBECONFIG
 * that points at a listening loopback port, nothing ever connects to it.
 */
class OfflinePlanNeedsNoClusterTest {
  @TempDir Path tmp;

  @Test
  void plansWithNoKubeconfigAnywhere() throws Exception {
    OfflineCase c = OfflineCase.prepare("new-namespace-creates-and-links", tmp);

    Result r = runIsolated(c, Map.of());

    assertThat(r.exit()).as(r.err()).isEqualTo(3);
    assertThat(r.out()).contains("| team-c | Secret harbor-credentials | create |");
  }

  @Test
  void neverConnectsToTheClusterItsKubeconfigNames() throws Exception {
    OfflineCase c = OfflineCase.prepare("no-change", tmp);
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      trap.setSoTimeout(100);
      Thread watcher =
          new Thread(
              () -> {
                while (!trap.isClosed()) {
                  try {
                    trap.accept().close();
                    connections.incrementAndGet();
                  } catch (SocketTimeoutException e) {
                    // keep listening
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      watcher.start();
      Path kubeconfig = tmp.resolve("kubeconfig");
      Files.writeString(kubeconfig, kubeconfig(trap.getLocalPort()));

      Result r = runIsolated(c, Map.of("KUBECONFIG", kubeconfig.toString()));

      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).contains("**no changes**");
      trap.close();
      watcher.join(5_000);
    }
    assertThat(connections).hasValue(0);
  }

  private record Result(int exit, String out, String err) {}

  private Result runIsolated(OfflineCase c, Map<String, String> env) throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Duser.home=" + home,
                Main.class.getName(),
                "plan",
                "--repo",
                c.repo().toString(),
                "--offline-from",
                c.inventory().toString(),
                "--format",
                "markdown"));
    pb.environment().remove("KUBECONFIG");
    pb.environment().remove("KUBERNETES_SERVICE_HOST");
    pb.environment().remove("KUBERNETES_SERVICE_PORT");
    pb.environment().put("HOME", home.toString());
    pb.environment().putAll(env);
    pb.redirectOutput(tmp.resolve("out.txt").toFile());
    pb.redirectError(tmp.resolve("err.txt").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
    return new Result(
        p.exitValue(),
        Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  private static String kubeconfig(int port) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
          - name: trap
            cluster: {server: "https://127.0.0.1:%d", insecure-skip-tls-verify: true}
        users:
          - name: trap
            user: {token: not-a-real-token}
        contexts:
          - name: trap
            context: {cluster: trap, user: trap}
        current-context: trap
        """
        .formatted(port);
  }
}
