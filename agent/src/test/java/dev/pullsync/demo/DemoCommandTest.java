package dev.pullsync.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pullsync.check.Outbound;
import dev.pullsync.cli.Main;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code pullsync demo}: one command shows the whole product against an in-process API, and its
 * kubeconfig works with a real client while it serves.
 */
class DemoCommandTest {
  @TempDir Path tmp;

  @Test
  void demoOncePrintsThePlanTheResultAndTheReportThenExits() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));

    long mark = Outbound.mark();
    int exit = cl.execute("demo", "--once", "--dir", tmp.toString());

    String text = out.toString();
    assertThat(exit).as(text + err).isZero();
    assertThat(text)
        .contains("== Plan for main@sha1:")
        .contains("harbor-credentials")
        .contains("user-example-com")
        .contains("== Result: Synced")
        .contains("== Report")
        .contains("stands in for 192.168.58.12:30002")
        .contains(
            "image check: harbor kubeflow-iris/iris-download:v1.0: pullable (bearer token, 200)")
        .contains("harbor (192.168.58.12:30002): credential accepted by the in-process registry")
        .contains("(--once: the demo API has stopped; run without --once to look with kubectl)")
        .doesNotContain("kubectl get")
        .doesNotContain("http://127.0.0.1")
        .doesNotContain("Harbor12345");
    assertThat(tmp.resolve("kubeconfig")).exists();
    // the login check ran against the in-process registry, and nothing else was dialled
    assertThat(Outbound.recordedSince(mark))
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.hostPort()).startsWith("127.0.0.1:"))
        .allSatisfy(d -> assertThat(d.allowed()).isTrue());
  }

  @Test
  void whileServingItsKubeconfigWorksAndANewProfileNamespaceIsServed() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    AtomicInteger exit = new AtomicInteger(-1);
    Thread demo = new Thread(() -> exit.set(cl.execute("demo", "--dir", tmp.toString())), "demo");
    demo.start();
    try {
      await().atMost(Duration.ofMinutes(2)).until(() -> out.toString().contains("Serving:"));
      assertThat(out.toString().lines().filter(l -> l.contains("export KUBECONFIG=")))
          .containsExactly("  export KUBECONFIG=" + tmp.resolve("kubeconfig"));
      assertThat(out.toString())
          .contains("  kubectl get sa default default-editor -n user-example-com -o yaml");
      String statusUrl =
          out.toString()
              .lines()
              .filter(l -> l.startsWith("== Status page: "))
              .findFirst()
              .orElseThrow()
              .substring("== Status page: ".length());
      var page =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(java.net.URI.create(statusUrl)).build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("pullsync status:").contains("harbor-credentials");
      Config config = Config.fromKubeconfig(Files.readString(tmp.resolve("kubeconfig")));
      try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
        Secret secret =
            client.secrets().inNamespace("user-example-com").withName("harbor-credentials").get();
        assertThat(secret.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
        ServiceAccount sa =
            client.serviceAccounts().inNamespace("user-example-com").withName("default").get();
        assertThat(sa.getImagePullSecrets())
            .extracting(r -> r.getName())
            .containsExactly("other-registry", "harbor-credentials");
        // the runbook's other steps: default-editor linked, the Opaque Secret for the services
        assertThat(
                client
                    .serviceAccounts()
                    .inNamespace("user-example-com")
                    .withName("default-editor")
                    .get()
                    .getImagePullSecrets())
            .extracting(r -> r.getName())
            .containsExactly("harbor-credentials");
        Secret services =
            client.secrets().inNamespace("kubeflow").withName("harbor-credentials").get();
        assertThat(services.getType()).isEqualTo("Opaque");
        assertThat(services.getData()).containsOnlyKeys("HARBOR_USERNAME", "HARBOR_PASSWORD");
        assertThat(
                client
                    .serviceAccounts()
                    .inNamespace("kubeflow")
                    .withName("default")
                    .get()
                    .getImagePullSecrets())
            .isNullOrEmpty();

        client
            .namespaces()
            .resource(
                new NamespaceBuilder()
                    .withNewMetadata()
                    .withName("user-new-example-com")
                    .withLabels(Map.of("app.kubernetes.io/part-of", "kubeflow-profile"))
                    .endMetadata()
                    .build())
            .create();
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> {
                  ServiceAccount linked =
                      client
                          .serviceAccounts()
                          .inNamespace("user-new-example-com")
                          .withName("default")
                          .get();
                  ServiceAccount editor =
                      client
                          .serviceAccounts()
                          .inNamespace("user-new-example-com")
                          .withName("default-editor")
                          .get();
                  return client
                              .secrets()
                              .inNamespace("user-new-example-com")
                              .withName("harbor-credentials")
                              .get()
                          != null
                      && linked != null
                      && linked.getImagePullSecrets().stream()
                          .anyMatch(r -> r.getName().equals("harbor-credentials"))
                      && editor != null
                      && editor.getImagePullSecrets() != null
                      && editor.getImagePullSecrets().stream()
                          .anyMatch(r -> r.getName().equals("harbor-credentials"));
                });
      }
    } finally {
      demo.interrupt();
      demo.join(30_000);
    }
    assertThat(demo.isAlive()).isFalse();
    assertThat(exit).as(err.toString()).hasValue(0);
  }
}
