package dev.pullsync.plan;

import static dev.pullsync.testkit.Fixtures.pullSecret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A revision that changes a Registry's {@code server} sends the credential somewhere new: the plan
 * says so prominently, in text, Markdown and JSON; so does a first rollout (nothing was ever sent
 * there). A password change does not.
 */
class WarnsWhenCredentialsGoToANewServerTest {
  private static final String OLD = "harbor.example.com";
  private static final String NEW = "harbor.attacker.example";

  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void aChangedServerIsTheFirstThingThePlanSays() {
    cluster.namespace("team-a").serviceAccount("team-a", "default");
    try (TestEngine engine = new TestEngine(cluster, tmp).commit(spec(OLD, Fixtures.CANARY))) {
      assertThat(engine.plan().newServers())
          .as("first rollout")
          .containsExactly(new Plan.ServerChange(OLD, java.util.List.of()));
      engine.runOnce();
      engine.commit(spec(OLD, Fixtures.CANARY + "-rotated"));
      assertThat(engine.plan().newServers()).as("password change").isEmpty();

      engine.commit(spec(NEW, Fixtures.CANARY));
      Plan plan = engine.plan();

      assertThat(plan.newServers())
          .containsExactly(new Plan.ServerChange(NEW, java.util.List.of(OLD)));
      String warning =
          "credentials will be sent to a new server: " + NEW + " (instead of " + OLD + ")";
      assertThat(PlanFormat.TEXT.render(plan).lines().skip(1).findFirst())
          .contains("!!! " + warning);
      assertThat(PlanFormat.MARKDOWN.render(plan)).contains("> [!CAUTION]\n> **" + warning + "**");
      assertThat(PlanFormat.JSON.render(plan)).contains("\"warning\" : \"" + warning + "\"");
      assertThat(PlanFormat.TEXT.render(plan) + PlanFormat.MARKDOWN.render(plan))
          .doesNotContain(Fixtures.CANARY);
    }
  }

  private static Fixtures spec(String server, String password) {
    return Fixtures.spec()
        .registry("harbor", server, "admin", password, null)
        .pullSecret(pullSecret("harbor-credentials", "harbor").names("team-a"));
  }
}
