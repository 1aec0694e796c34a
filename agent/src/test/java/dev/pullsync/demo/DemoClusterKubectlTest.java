package dev.pullsync.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kubectl (the real binary) works against the demo cluster: get, describe, create. */
class DemoClusterKubectlTest {
  @TempDir static Path tmp;
  static DemoCluster cluster;
  static Path kubeconfig;

  @BeforeAll
  static void start() {
    cluster = DemoCluster.start();
    cluster.seedDemo();
    kubeconfig = cluster.writeKubeconfig(tmp.resolve("kubeconfig"));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  record Result(int exit, String out) {}

  static Result kubectl(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("kubectl %s finished", List.of(args)).isTrue();
    return new Result(
        p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void getsAndDescribesNamespaces() throws Exception {
    Result get = kubectl("get", "namespaces");
    assertThat(get.out()).contains("user-example-com", "kubeflow", "team-a");
    assertThat(get.exit()).as(get.out()).isZero();
    Result describe = kubectl("describe", "namespace", "user-example-com");
    assertThat(describe.exit()).as(describe.out()).isZero();
    assertThat(describe.out()).contains("Name:", "user-example-com", "kubeflow-profile");
  }

  @Test
  void readsAServiceAccountAsYaml() throws Exception {
    Result sa = kubectl("get", "sa", "default", "-n", "user-example-com", "-o", "yaml");
    assertThat(sa.exit()).as(sa.out()).isZero();
    assertThat(sa.out()).contains("other-registry");
  }

  @Test
  void createsANamespaceAndSaysSoOnADuplicate() throws Exception {
    Result create = kubectl("create", "namespace", "team-new");
    assertThat(create.exit()).as(create.out()).isZero();
    assertThat(create.out()).contains("namespace/team-new created");
    try (KubernetesClient client = cluster.client()) {
      assertThat(client.namespaces().withName("team-new").get()).isNotNull();
    }
    Result again = kubectl("create", "namespace", "team-new");
    assertThat(again.exit()).isNotZero();
    assertThat(again.out()).contains("AlreadyExists");
  }

  @Test
  void appliesANamespaceManifestFromStdin() throws Exception {
    List<String> cmd =
        List.of("kubectl", "--kubeconfig", kubeconfig.toString(), "apply", "-f", "-");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream()
        .write(
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: profile-b
              labels: {app.kubernetes.io/part-of: kubeflow-profile}
            """
                .getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("namespace/profile-b created");
    try (KubernetesClient client = cluster.client()) {
      assertThat(client.namespaces().withName("profile-b").get().getMetadata().getLabels())
          .containsEntry("app.kubernetes.io/part-of", "kubeflow-profile");
    }
  }
}
