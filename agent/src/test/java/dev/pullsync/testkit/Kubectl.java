package dev.pullsync.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the installed kubectl (offline, --dry-run=client) how it renders a docker-registry Secret.
 */
public final class Kubectl {
  private Kubectl() {}

  /** The base64 {@code .dockerconfigjson} of {@code kubectl create secret docker-registry}. */
  public static String dockerConfigJson(String server, String user, String password, String email) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "kubectl",
                "create",
                "secret",
                "docker-registry",
                "harbor-credentials",
                "--docker-server=" + server,
                "--docker-username=" + user,
                "--docker-password=" + password,
                "--dry-run=client",
                "-o",
                "json"));
    if (email != null) {
      cmd.add("--docker-email=" + email);
    }
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (p.waitFor() != 0) {
        throw new IllegalStateException(
            "kubectl failed: " + new String(out, StandardCharsets.UTF_8));
      }
      JsonNode json = JsonMapper.builder().build().readTree(out);
      return json.get("data").get(".dockerconfigjson").stringValue();
    } catch (IOException e) {
      throw new IllegalStateException("kubectl not runnable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The seed scenario's rendering. */
  public static String seed() {
    return dockerConfigJson(Fixtures.HARBOR, "admin", Fixtures.CANARY, "admin@example.com");
  }
}
