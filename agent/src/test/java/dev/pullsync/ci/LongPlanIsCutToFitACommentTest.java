package dev.pullsync.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.ci.FakeCommentApi.Comment;
import dev.pullsync.ci.FakeCommentApi.Flavor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan longer than GitHub accepts in a comment (65,536 characters) is cut to fit, says so, and
 * keeps its marker, so the next push still finds and updates it.
 */
class LongPlanIsCutToFitACommentTest {
  private static final String MARKER = "<!-- pullsync-plan cluster=prod -->";

  @TempDir Path tmp;

  @Test
  void aHugePlanIsCutAndStillUpdatable() throws Exception {
    try (FakeCommentApi api = new FakeCommentApi(Flavor.GITHUB, "t0ken", 5)) {
      Map<String, String> env =
          Map.of(
              "GITHUB_API_URL", api.baseUrl(),
              "GITHUB_REPOSITORY", "acme/specs",
              "PR_NUMBER", "5",
              "GITHUB_TOKEN", "t0ken");
      Path body = tmp.resolve("pullsync-plan.md");
      StringBuilder plan = new StringBuilder(MARKER + "\n");
      for (int i = 0; plan.length() < 200_000; i++) {
        plan.append("| team-").append(i).append(" | Secret harbor | create | missing | — |\n");
      }
      Files.writeString(body, plan);

      Sh.Result first = Sh.run(tmp, env, "post-comment.sh", "github", body.toString());
      assertThat(first.exit()).as(first.all()).isZero();
      Comment posted = api.comments().get(0);
      assertThat(posted.body().length()).isLessThanOrEqualTo(65_536);
      assertThat(posted.body())
          .startsWith(MARKER + "\n| team-0 |")
          .endsWith("the job log has all of it)*");

      Sh.Result second = Sh.run(tmp, env, "post-comment.sh", "github", body.toString());
      assertThat(second.exit()).as(second.all()).isZero();
      assertThat(second.out()).contains("updated comment " + posted.id());
      assertThat(api.comments()).hasSize(1);
    }
  }
}
