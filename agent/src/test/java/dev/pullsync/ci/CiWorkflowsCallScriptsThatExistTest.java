package dev.pullsync.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The GitHub Actions workflow and the GitLab CI job in examples/ci parse, run on pull (merge)
 * requests, call scripts that exist and parse as POSIX shell, hand the jar they fetch to the plan
 * step, post the comment even when the plan step fails, and pass no secret but the API token.
 */
class CiWorkflowsCallScriptsThatExistTest {
  private static final Pattern SCRIPT = Pattern.compile("\"\\$PULLSYNC_CI/([a-z-]+\\.sh)\"");

  @Test
  void theGitHubWorkflowCommentsEveryPullRequest() throws Exception {
    Map<String, Object> workflow = load("github/pullsync-plan.yml");
    assertThat(map(workflow.get("on"))).containsKey("pull_request");
    assertThat(map(workflow.get("permissions")))
        .containsEntry("pull-requests", "write")
        .containsEntry("contents", "read");
    Map<String, Object> env = map(workflow.get("env"));
    List<Map<String, Object>> steps = list(map(map(workflow.get("jobs")).get("plan")).get("steps"));
    List<String> runs = new ArrayList<>();
    steps.stream().filter(s -> s.containsKey("run")).forEach(s -> runs.add((String) s.get("run")));

    assertThat(scripts(runs, (String) env.get("PULLSYNC_CI")))
        .containsExactly("get-pullsync.sh", "pullsync-plan.sh", "post-comment.sh");
    Map<String, Object> plan = step(steps, "pullsync-plan.sh");
    String jar = ((String) step(steps, "get-pullsync.sh").get("run")).replaceAll(".* ", "");
    assertThat(map(plan.get("env")).get("PULLSYNC"))
        .isEqualTo(
            "java -jar " + jar.replace("\"$RUNNER_TEMP", "${{ runner.temp }}").replace("\"", ""));
    Map<String, Object> comment = step(steps, "post-comment.sh");
    assertThat((String) comment.get("if"))
        .contains("steps." + plan.get("id") + ".outcome == 'failure'");
    assertThat(map(comment.get("env")))
        .containsOnlyKeys("GITHUB_TOKEN", "PR_NUMBER")
        .containsEntry("GITHUB_TOKEN", "${{ secrets.GITHUB_TOKEN }}");
    assertThat(Files.readString(Sh.CI.resolve("github/pullsync-plan.yml")))
        .as("no secret but the workflow's own token")
        .containsOnlyOnce("secrets.");
  }

  @Test
  void theGitLabJobNotesEveryMergeRequest() throws Exception {
    Map<String, Object> job = map(load("gitlab/pullsync-plan.gitlab-ci.yml").get("pullsync-plan"));
    assertThat(list(job.get("rules")))
        .anySatisfy(r -> assertThat((String) r.get("if")).contains("merge_request_event"));
    Map<String, Object> vars = map(job.get("variables"));
    List<String> lines = new ArrayList<>();
    lines.addAll(strings(job.get("before_script")));
    lines.addAll(strings(job.get("script")));
    assertThat(scripts(lines, (String) vars.get("PULLSYNC_CI")))
        .containsExactly("get-pullsync.sh", "pullsync-plan.sh", "post-comment.sh");
    String get =
        lines.stream().filter(l -> l.contains("get-pullsync.sh")).findFirst().orElseThrow();
    assertThat(vars.get("PULLSYNC")).isEqualTo("java -jar " + get.replaceAll(".* ", ""));
    List<String> script = strings(job.get("script"));
    assertThat(script.get(0)).as("the plan's failure is kept for later").contains("|| status=$?");
    assertThat(script.get(1)).contains("post-comment.sh\" gitlab pullsync-plan.md");
    assertThat(script.get(2)).isEqualTo("exit \"$status\"");
  }

  /**
   * The scripts the lines call, in order; each exists under PULLSYNC_CI and parses ({@code sh -n}).
   */
  private static List<String> scripts(List<String> lines, String ciDir) throws Exception {
    assertThat(ciDir).isEqualTo("examples/ci");
    List<String> found = new ArrayList<>();
    for (String line : lines) {
      Matcher m = SCRIPT.matcher(line);
      while (m.find()) {
        Path script = Sh.ROOT.resolve(ciDir).resolve(m.group(1));
        assertThat(script).as(line).isRegularFile();
        Process p =
            new ProcessBuilder("sh", "-n", script.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(script + ": " + out).isZero();
        found.add(m.group(1));
      }
    }
    return found;
  }

  private static Map<String, Object> step(List<Map<String, Object>> steps, String script) {
    return steps.stream()
        .filter(s -> String.valueOf(s.get("run")).contains(script))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step runs " + script));
  }

  private static Map<String, Object> load(String file) throws Exception {
    return map(
        new Load(LoadSettings.builder().build())
            .loadFromString(Files.readString(Sh.CI.resolve(file))));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    assertThat(o).isInstanceOf(Map.class);
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object o) {
    return (List<String>) o;
  }
}
