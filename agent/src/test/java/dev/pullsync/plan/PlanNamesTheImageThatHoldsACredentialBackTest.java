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

/**
 * A plan that would roll out a credential whose token may not pull one of the {@code verify} images
 * says the rollout will be held back and names that image, with advice that fits the cause (the
 * account lacks pull on the repository: project membership), not a rejected login's; a plan that
 * changes no Secret of that registry shows the denied verdict but no hold.
 */
class PlanNamesTheImageThatHoldsACredentialBackTest {
  static final String OTHER = "other-team/model:v2";

  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void theHoldNamesTheDeniedImageAndWhatToGrant() {
    cluster.namespace("team-a").serviceAccount("team-a", "default");
    try (LocalRegistry registry =
            new LocalRegistry(Challenge.BEARER, "robot", PASSWORD)
                .serve(IMAGE)
                .serve(OTHER)
                .grantPullOnly("kubeflow-iris/iris-download");
        TestEngine engine =
            ImageChecks.engine(cluster, tmp)
                .commit(ImageChecks.spec(registry.address(), "a@example.com", IMAGE))) {
      engine.runOnce();
      engine.commit(ImageChecks.spec(registry.address(), "b@example.com", IMAGE, OTHER));

      Plan plan = engine.plan();

      String hold =
          "registry harbor image check: "
              + OTHER
              + " denied (bearer token, 401; the registry accepts this login, but its account"
              + " lacks pull on repository other-team/model (in Harbor: membership of project"
              + " other-team): grant it, or correct spec.verify on Registry harbor)";
      assertThat(plan.registries().get(0).heldBack()).contains(hold);
      String text = PlanFormat.TEXT.render(plan);
      assertThat(text).contains("!!! new credential held back: " + hold + "\n");
      assertThat(PlanFormat.MARKDOWN.render(plan))
          .contains("> [!WARNING]\n> **New credential held back:** " + hold);
      assertThat(PlanFormat.JSON.render(plan)).contains("\"heldBack\" : \"" + hold + "\"");
      assertThat(text).doesNotContain("username").doesNotContain(PASSWORD);

      engine.commit(ImageChecks.spec(registry.address(), "a@example.com", IMAGE, OTHER));
      Plan unchanged = engine.plan();
      assertThat(unchanged.registries().get(0).images())
          .extracting(Plan.ImageVerdict::verdict)
          .containsExactly("pullable", "denied");
      assertThat(unchanged.registries().get(0).heldBack())
          .as("no credential to roll out")
          .isEmpty();
    }
  }
}
