package dev.pullsync.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/ci/pullsync-plan.sh in a pull-request checkout: an invalid spec fails the step with
 * validate's exit code (2) and a comment body that lists the problems; a cluster the report branch
 * has no inventory for fails with plan's exit code (2) and reason; a repository whose agent has not
 * published a report branch yet fails (1) with a body that says so. The body always starts with the
 * marker post-comment.sh finds it by.
 */
class PlanStepCommentsWhyItFailedTest {
  @TempDir Path tmp;

  @Test
  void anInvalidSpecFailsWithValidatesProblemsInTheComment() throws Exception {
    CiCheckout repo = new CiCheckout(tmp);
    repo.publishInventory("pullsync-status", "prod", "kind: Inventory\n");
    String broken =
        repo.specFile("pull-secret.yaml").replace("registries: [harbor]", "registries: [quay]");
    Path ci = repo.pullRequest(7, Map.of("pull-secret.yaml", broken));

    Sh.Result r = Sh.run(ci, env(), "pullsync-plan.sh");

    assertThat(r.exit()).as(r.all()).isEqualTo(2);
    assertThat(Files.readString(ci.resolve("pullsync-plan.exit")).trim()).isEqualTo("2");
    String body = Files.readString(ci.resolve("pullsync-plan.md"));
    assertThat(body.lines().findFirst()).hasValue("<!-- pullsync-plan cluster=prod -->");
    assertThat(body)
        .contains("`pullsync validate` failed (exit 2); nothing was planned")
        .containsPattern("pull-secret\\.yaml:\\d+: .*no Registry named \"quay\"")
        .doesNotContain("pullsync plan` ");
    assertThat(r.out()).as("the body is in the job log too").contains("no Registry named \"quay\"");
  }

  @Test
  void aClusterWithoutAnInventoryFailsWithThePlansReason() throws Exception {
    CiCheckout repo = new CiCheckout(tmp);
    repo.publishInventory("pullsync-status", "prod", "kind: Inventory\n");
    Path ci = repo.pullRequest(9, Map.of());
    Map<String, String> env = new HashMap<>(env());
    env.put("CLUSTER", "staging");

    Sh.Result r = Sh.run(ci, env, "pullsync-plan.sh");

    assertThat(r.exit()).as(r.all()).isEqualTo(2);
    assertThat(Files.readString(ci.resolve("pullsync-plan.exit")).trim()).isEqualTo("2");
    assertThat(Files.readString(ci.resolve("pullsync-plan.md")))
        .startsWith("<!-- pullsync-plan cluster=staging -->\n")
        .contains("`pullsync validate`: OK: spec: 1 registry, 2 pull secrets")
        .contains("`pullsync plan` refused the input (exit 2):")
        .contains("has no file status/staging.inventory.yaml");
  }

  @Test
  void noReportBranchYetFailsAndSaysSo() throws Exception {
    CiCheckout repo = new CiCheckout(tmp);
    Path ci = repo.pullRequest(8, Map.of());

    Sh.Result r = Sh.run(ci, env(), "pullsync-plan.sh");

    assertThat(r.exit()).as(r.all()).isEqualTo(1);
    assertThat(Files.readString(ci.resolve("pullsync-plan.exit")).trim()).isEqualTo("1");
    assertThat(Files.readString(ci.resolve("pullsync-plan.md")))
        .startsWith("<!-- pullsync-plan cluster=prod -->\n")
        .contains("Could not fetch the report branch `pullsync-status`")
        .contains("pullsync-status");
  }

  private Map<String, String> env() throws Exception {
    Map<String, String> env = new HashMap<>(TestLauncher.install(tmp));
    env.put("SPEC_PATH", CiCheckout.SPEC_PATH);
    env.put("CLUSTER", "prod");
    return env;
  }
}
