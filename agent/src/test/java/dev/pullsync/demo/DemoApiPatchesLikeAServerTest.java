package dev.pullsync.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kubectl's {@code patch} against the demo API behaves as on a real API server: the
 * runbook's strategic merge patch replaces {@code imagePullSecrets} (no merge key), a {@code
 * --type=merge} patch replaces lists and removes keys set to null, and strategic merge still merges
 * {@code ServiceAccount.secrets} by name.
 */
class DemoApiPatchesLikeAServerTest {
  @TempDir Path tmp;
  DemoCluster cluster;
  Path kubeconfig;

  @BeforeEach
  void start() {
    cluster = DemoCluster.start();
    cluster.seedDemo();
    kubeconfig = cluster.writeKubeconfig(tmp.resolve("kubeconfig"));
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void runbookStrategicMergePatchReplacesImagePullSecrets() throws Exception {
    String out =
        kubectl(
            "patch",
            "serviceaccount",
            "default",
            "-n",
            "user-example-com",
            "-p",
            "{\"imagePullSecrets\": [{\"name\": \"harbor-credentials\"}]}");

    assertThat(out).contains("serviceaccount/default patched");
    assertThat(pullSecrets("user-example-com")).containsExactly("harbor-credentials");
  }

  @Test
  void mergePatchReplacesListsAndRemovesNulls() throws Exception {
    kubectl("label", "serviceaccount", "default", "-n", "team-a", "owner=ops", "tier=x");

    kubectl(
        "patch",
        "sa",
        "default",
        "-n",
        "user-example-com",
        "--type=merge",
        "-p",
        "{\"imagePullSecrets\":[{\"name\":\"a\"},{\"name\":\"b\"}]}");
    kubectl(
        "patch",
        "sa",
        "default",
        "-n",
        "team-a",
        "--type=merge",
        "-p",
        "{\"metadata\":{\"labels\":{\"tier\":null}},\"imagePullSecrets\":[{\"name\":\"c\"}]}");

    assertThat(pullSecrets("user-example-com")).containsExactly("a", "b");
    ServiceAccount teamA = serviceAccount("team-a");
    assertThat(teamA.getMetadata().getLabels())
        .containsEntry("owner", "ops")
        .doesNotContainKey("tier");
    assertThat(pullSecrets("team-a")).containsExactly("c");
  }

  @Test
  void strategicMergeStillMergesSecretsByName() throws Exception {
    kubectl("patch", "sa", "default", "-n", "team-b", "-p", "{\"secrets\":[{\"name\":\"s1\"}]}");
    kubectl("patch", "sa", "default", "-n", "team-b", "-p", "{\"secrets\":[{\"name\":\"s2\"}]}");

    assertThat(serviceAccount("team-b").getSecrets())
        .extracting(ObjectReference::getName)
        .containsExactly("s1", "s2");
  }

  private List<String> pullSecrets(String namespace) {
    return serviceAccount(namespace).getImagePullSecrets().stream()
        .map(LocalObjectReference::getName)
        .toList();
  }

  private ServiceAccount serviceAccount(String namespace) {
    try (KubernetesClient client = cluster.client()) {
      return client.serviceAccounts().inNamespace(namespace).withName("default").get();
    }
  }

  private String kubectl(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("kubectl %s finished", List.of(args)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("kubectl %s: %s", List.of(args), out).isZero();
    return out;
  }
}
