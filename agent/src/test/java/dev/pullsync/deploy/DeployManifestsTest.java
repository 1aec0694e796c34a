package dev.pullsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * {@code kubectl kustomize examples/deploy} renders (offline) the objects an operator applies, with
 * least-privilege RBAC and a locked-down pod; the Dockerfile runs non-root without a shell.
 */
class DeployManifestsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static List<Map<String, Object>> objects;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void render() throws Exception {
    Process p =
        new ProcessBuilder("kubectl", "kustomize", ROOT.resolve("examples/deploy").toString())
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    objects = new ArrayList<>();
    for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(out)) {
      objects.add((Map<String, Object>) doc);
    }
  }

  @Test
  void rendersTheObjectsAnOperatorApplies() {
    assertThat(objects.stream().map(o -> o.get("kind") + "/" + name(o)))
        .containsExactlyInAnyOrder(
            "Namespace/pullsync",
            "ServiceAccount/pullsync",
            "ClusterRole/pullsync",
            "ClusterRoleBinding/pullsync",
            "Role/pullsync-leader-election",
            "RoleBinding/pullsync-leader-election",
            "ConfigMap/pullsync-config",
            "Deployment/pullsync",
            "Service/pullsync");
  }

  @Test
  void theClusterRoleGrantsExactlyWhatTheAgentUses() {
    List<Map<String, Object>> rules = list(find("ClusterRole", "pullsync").get("rules"));
    assertThat(rules)
        .extracting(r -> list(r.get("resources")).toString() + " " + r.get("verbs"))
        .containsExactly(
            "[namespaces] [get, list, watch]",
            "[secrets] [get, list, watch, create, update, delete]",
            "[serviceaccounts] [get, list, watch, update]");
    List<Map<String, Object>> leases = list(find("Role", "pullsync-leader-election").get("rules"));
    assertThat(leases)
        .extracting(r -> r.get("resources") + " " + r.get("verbs"))
        .containsExactly("[leases] [get, create, update]");
  }

  @Test
  void thePodRunsNonRootReadOnlyWithoutCapabilitiesAndProbesItsHttpPort() {
    Map<String, Object> pod = map(map(find("Deployment", "pullsync").get("spec")).get("template"));
    Map<String, Object> podSpec = map(pod.get("spec"));
    assertThat(map(podSpec.get("securityContext")))
        .containsEntry("runAsNonRoot", true)
        .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
    Map<String, Object> container = list(podSpec.get("containers")).get(0);
    Map<String, Object> security = map(container.get("securityContext"));
    assertThat(security)
        .containsEntry("readOnlyRootFilesystem", true)
        .containsEntry("allowPrivilegeEscalation", false)
        .containsEntry("capabilities", Map.of("drop", List.of("ALL")));
    assertThat(map(map(container.get("livenessProbe")).get("httpGet")).get("path"))
        .isEqualTo("/healthz");
    assertThat(map(map(container.get("readinessProbe")).get("httpGet")).get("path"))
        .isEqualTo("/readyz");
    assertThat(map(container.get("resources"))).containsKeys("requests", "limits");
    assertThat(list(container.get("volumeMounts")))
        .anySatisfy(m -> assertThat(m).containsEntry("mountPath", "/tmp"));
    assertThat(list(podSpec.get("volumes")))
        .anySatisfy(v -> assertThat(v).containsEntry("name", "tmp").containsKey("emptyDir"));
  }

  @Test
  void theConfigMapHoldsAnAgentConfigWithEveryServiceSection() {
    String config =
        (String) map(find("ConfigMap", "pullsync-config").get("data")).get("config.yaml");
    Map<String, Object> parsed =
        map(new Load(LoadSettings.builder().build()).loadFromString(config));
    assertThat(parsed)
        .containsKeys("git", "schedule", "http", "webhook", "leaderElection", "logFormat");
  }

  @Test
  void theImageRunsAsANumericNonRootUserWithAnExecFormEntrypoint() throws Exception {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    assertThat(dockerfile)
        .contains("FROM maven:3-eclipse-temurin-17 AS build")
        .contains("FROM eclipse-temurin:17-jre")
        .containsPattern("(?m)^USER 10001:10001$")
        .containsPattern(
            "(?m)^ENTRYPOINT \\[\"java\", .*\"-XX:\\+ExitOnOutOfMemoryError\".*\"-jar\", \"/app/pullsync.jar\"\\]$");
  }

  private static Map<String, Object> find(String kind, String name) {
    return objects.stream()
        .filter(o -> kind.equals(o.get("kind")) && name.equals(name(o)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(kind + "/" + name + " not rendered"));
  }

  private static String name(Map<String, Object> o) {
    return (String) map(o.get("metadata")).get("name");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }
}
