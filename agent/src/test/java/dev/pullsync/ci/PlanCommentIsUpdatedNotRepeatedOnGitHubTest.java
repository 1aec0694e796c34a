package dev.pullsync.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.ci.FakeCommentApi.Comment;
import dev.pullsync.ci.FakeCommentApi.Flavor;
import dev.pullsync.ci.FakeCommentApi.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/ci/post-comment.sh on a GitHub pull request: the first push creates the plan comment,
 * every later push edits that same comment (PATCH to its id), found by its marker even past the
 * first page of comments; comments without the marker, or with another cluster's, stay as they are.
 */
class PlanCommentIsUpdatedNotRepeatedOnGitHubTest {
  private static final String TOKEN = "ghs_canaryTokenValue1234567890";
  private static final String MARKER = "<!-- pullsync-plan cluster=prod -->";

  @TempDir Path tmp;

  @Test
  void theSecondRunUpdatesTheCommentTheFirstCreated() throws Exception {
    try (FakeCommentApi api = new FakeCommentApi(Flavor.GITHUB, TOKEN, 7)) {
      for (int i = 0; i < 120; i++) {
        api.add("alice", "looks good " + i, false);
      }
      Comment mentions = api.add("bob", "why does the pullsync-plan say " + MARKER + "?", false);
      Comment otherCluster =
          api.add("ci-bot", "<!-- pullsync-plan cluster=staging -->\nstaging", false);
      Path body = tmp.resolve("pullsync-plan.md");

      Files.writeString(body, MARKER + "\n### plan\n1 create `team-a/regcred`\n");
      Sh.Result first = Sh.run(tmp, env(api), "post-comment.sh", "github", body.toString());
      assertThat(first.exit()).as(first.all()).isZero();
      List<Comment> mine = withMarker(api);
      assertThat(mine).hasSize(1);
      long id = mine.get(0).id();
      assertThat(first.out()).contains("created comment " + id);

      Files.writeString(body, MARKER + "\n### plan\nno changes\n");
      Sh.Result second = Sh.run(tmp, env(api), "post-comment.sh", "github", body.toString());
      assertThat(second.exit()).as(second.all()).isZero();
      assertThat(second.out()).contains("updated comment " + id);

      assertThat(withMarker(api))
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.id()).isEqualTo(id);
                assertThat(c.body()).isEqualTo(MARKER + "\n### plan\nno changes\n");
              });
      List<Request> writes =
          api.requests().stream().filter(r -> !r.method().equals("GET")).toList();
      assertThat(writes)
          .extracting(r -> r.method() + " " + r.path())
          .containsExactly(
              "POST /repos/acme/specs/issues/7/comments",
              "PATCH /repos/acme/specs/issues/comments/" + id);
      assertThat(api.comments()).contains(mentions, otherCluster);
      assertThat(api.comments()).hasSize(123);
      assertThat(first.all() + second.all()).doesNotContain(TOKEN);
    }
  }

  private static List<Comment> withMarker(FakeCommentApi api) {
    return api.comments().stream().filter(c -> c.body().startsWith(MARKER)).toList();
  }

  private static Map<String, String> env(FakeCommentApi api) {
    return Map.of(
        "GITHUB_API_URL",
        api.baseUrl(),
        "GITHUB_REPOSITORY",
        "acme/specs",
        "PR_NUMBER",
        "7",
        "GITHUB_TOKEN",
        TOKEN);
  }
}
