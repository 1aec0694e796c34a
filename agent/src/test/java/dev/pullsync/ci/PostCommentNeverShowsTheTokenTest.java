package dev.pullsync.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.ci.FakeCommentApi.Flavor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/ci/post-comment.sh keeps the API token out of the job log, even when the shell traces
 * every command ({@code sh -x}) and when the API refuses it; a refusal fails the step and says why.
 */
class PostCommentNeverShowsTheTokenTest {
  private static final String TOKEN = "ghs_canaryTokenValue0987654321";

  @TempDir Path tmp;

  @Test
  void aTracedRunAndARefusalShowNoToken() throws Exception {
    try (FakeCommentApi api = new FakeCommentApi(Flavor.GITHUB, TOKEN, 3)) {
      Path body = tmp.resolve("pullsync-plan.md");
      Files.writeString(body, "<!-- pullsync-plan cluster=prod -->\nplan\n");

      Sh.Result traced =
          Sh.run(tmp, env(api), List.of("-x"), "post-comment.sh", "github", body.toString());
      assertThat(traced.exit()).as(traced.all()).isZero();
      assertThat(traced.all()).contains("created comment").doesNotContain(TOKEN);

      api.refuseWith(403);
      Sh.Result refused =
          Sh.run(tmp, env(api), List.of("-x"), "post-comment.sh", "github", body.toString());
      assertThat(refused.exit()).isNotZero();
      assertThat(refused.err())
          .contains("HTTP 403")
          .contains("read-only token")
          .contains("Resource not accessible by integration")
          .doesNotContain(TOKEN);
    }
  }

  @Test
  void aBodyWithoutMarkerIsRefusedBeforeAnyRequest() throws Exception {
    try (FakeCommentApi api = new FakeCommentApi(Flavor.GITHUB, TOKEN, 3)) {
      Path body = tmp.resolve("plan.md");
      Files.writeString(body, "### plan without a marker\n");
      Sh.Result r = Sh.run(tmp, env(api), "post-comment.sh", "github", body.toString());
      assertThat(r.exit()).isNotZero();
      assertThat(r.err()).contains("marker");
      assertThat(api.requests()).isEmpty();
    }
  }

  private static Map<String, String> env(FakeCommentApi api) {
    return Map.of(
        "GITHUB_API_URL",
        api.baseUrl(),
        "GITHUB_REPOSITORY",
        "acme/specs",
        "PR_NUMBER",
        "3",
        "GITHUB_TOKEN",
        TOKEN);
  }
}
