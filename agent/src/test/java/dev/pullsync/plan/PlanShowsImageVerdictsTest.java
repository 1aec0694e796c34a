package dev.pullsync.plan;

import static dev.pullsync.plan.ImageChecks.IMAGE;
import static dev.pullsync.plan.ImageChecks.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.demo.LocalRegistry;
import dev.pullsync.demo.LocalRegistry.Challenge;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code pullsync plan} shows, under each Registry's login verdict, the verdict on each of its
 * {@code verify} images, in text, Markdown and JSON; a pullable and a missing image hold nothing
 * back, so no hold line appears; the password appears in none.
 */
class PlanShowsImageVerdictsTest {
  static final String MISSING = "kubeflow-iris/iris-download:v9";

  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void everyFormatShowsEachImagesVerdict() {
    cluster.namespace("team-a").serviceAccount("team-a", "default");
    try (LocalRegistry registry =
            new LocalRegistry(Challenge.BEARER, "robot", PASSWORD).serve(IMAGE);
        TestEngine engine =
            ImageChecks.engine(cluster, tmp)
                .commit(ImageChecks.spec(registry.address(), "a@example.com", IMAGE))) {
      engine.runOnce(); // the server now carries the credential: the plan may ask it
      engine.commit(ImageChecks.spec(registry.address(), "b@example.com", IMAGE, MISSING));

      Plan plan = engine.plan();

      assertThat(plan.registries())
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.verdict()).isEqualTo("accepted");
                assertThat(v.images())
                    .containsExactly(
                        new Plan.ImageVerdict(IMAGE, "pullable", "bearer token, 200"),
                        new Plan.ImageVerdict(MISSING, "not-found", "bearer token, 404"));
                assertThat(v.heldBack()).isEmpty();
              });
      String text = PlanFormat.TEXT.render(plan);
      assertThat(text)
          .contains("  registry harbor (" + registry.address() + "): accepted")
          .contains("    image " + IMAGE + ": pullable: bearer token, 200\n")
          .contains("    image " + MISSING + ": not-found: bearer token, 404\n")
          .doesNotContain("held back");
      String markdown = PlanFormat.MARKDOWN.render(plan);
      assertThat(markdown)
          .contains("| Registry | Image | Image check | Why |")
          .contains("| harbor | `" + IMAGE + "` | pullable | bearer token, 200 |")
          .contains("| harbor | `" + MISSING + "` | not-found | bearer token, 404 |");
      String json = PlanFormat.JSON.render(plan);
      JsonNode images =
          JsonMapper.builder().build().readTree(json).get("registries").get(0).get("images");
      assertThat(images.get(0).get("image").asString()).isEqualTo(IMAGE);
      assertThat(images.get(0).get("verdict").asString()).isEqualTo("pullable");
      assertThat(images.get(1).get("verdict").asString()).isEqualTo("not-found");
      assertThat(text + markdown + json).doesNotContain(PASSWORD);
    }
  }
}
