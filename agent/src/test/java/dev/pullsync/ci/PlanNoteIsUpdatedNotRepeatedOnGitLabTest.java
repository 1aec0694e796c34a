package dev.pullsync.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.ci.FakeCommentApi.Comment;
import dev.pullsync.ci.FakeCommentApi.Flavor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/ci/post-comment.sh on a GitLab merge request: the first pipeline creates the plan note,
 * the next one edits it (PUT to its id) through the notes API; other people's notes and system
 * notes stay as they are.
 */
class PlanNoteIsUpdatedNotRepeatedOnGitLabTest {
  private static final String TOKEN = "glpat-canaryTokenValue12345";
  private static final String MARKER = "<!-- pullsync-plan cluster=prod -->";

  @TempDir Path tmp;

  @Test
  void theSecondPipelineUpdatesTheNoteTheFirstCreated() throws Exception {
    try (FakeCommentApi api = new FakeCommentApi(Flavor.GITLAB, TOKEN, 12)) {
      Comment system = api.add("ci-bot", "added 1 commit", true);
      Comment review = api.add("carol", "please also add team-d", false);
      Path body = tmp.resolve("pullsync-plan.md");

      Files.writeString(body, MARKER + "\nfirst plan\n");
      Sh.Result first = Sh.run(tmp, env(api), "post-comment.sh", "gitlab", body.toString());
      assertThat(first.exit()).as(first.all()).isZero();
      Files.writeString(body, MARKER + "\nsecond plan\n");
      Sh.Result second = Sh.run(tmp, env(api), "post-comment.sh", "gitlab", body.toString());
      assertThat(second.exit()).as(second.all()).isZero();

      List<Comment> mine =
          api.comments().stream().filter(c -> c.body().startsWith(MARKER)).toList();
      assertThat(mine)
          .singleElement()
          .extracting(Comment::body)
          .isEqualTo(MARKER + "\nsecond plan\n");
      long id = mine.get(0).id();
      assertThat(api.requests().stream().filter(r -> !r.method().equals("GET")))
          .extracting(r -> r.method() + " " + r.path())
          .containsExactly(
              "POST /api/v4/projects/42/merge_requests/12/notes",
              "PUT /api/v4/projects/42/merge_requests/12/notes/" + id);
      assertThat(api.comments()).contains(system, review).hasSize(3);
      assertThat(first.all() + second.all()).doesNotContain(TOKEN);
    }
  }

  private static Map<String, String> env(FakeCommentApi api) {
    return Map.of(
        "CI_API_V4_URL",
        api.baseUrl(),
        "CI_PROJECT_ID",
        "42",
        "CI_MERGE_REQUEST_IID",
        "12",
        "GITLAB_TOKEN",
        TOKEN);
  }
}
