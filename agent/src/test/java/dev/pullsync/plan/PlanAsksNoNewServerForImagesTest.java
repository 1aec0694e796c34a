package dev.pullsync.plan;

import static dev.pullsync.plan.ImageChecks.IMAGE;
import static dev.pullsync.plan.ImageChecks.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.demo.LocalRegistry;
import dev.pullsync.demo.LocalRegistry.Challenge;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan treats the image check as it treats the login check: a server no managed Secret carries
 * yet is not asked (the credential would be sent there before review), its images are not-checked;
 * a known server is asked once per image per plan (one anonymous and one credentialed {@code HEAD}
 * with a Basic challenge), besides its one login.
 */
class PlanAsksNoNewServerForImagesTest {
  static final String SECOND = "kubeflow-iris/iris-train:v1.0";

  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void aNewServerIsNotAskedAndAKnownOneOncePerImage() throws Exception {
    cluster.namespace("team-a").serviceAccount("team-a", "default");
    try (LocalRegistry registry =
            new LocalRegistry(Challenge.BASIC, "robot", PASSWORD).serve(IMAGE).serve(SECOND);
        TestEngine first =
            ImageChecks.engine(cluster, Files.createDirectories(tmp.resolve("first")))
                .commit(ImageChecks.spec(registry.address(), "a@example.com", IMAGE, SECOND))) {
      Plan firstRollout = first.plan();

      assertThat(firstRollout.registries().get(0).verdict()).isEqualTo("not-checked");
      assertThat(firstRollout.registries().get(0).images())
          .extracting(Plan.ImageVerdict::verdict)
          .containsExactly("not-checked", "not-checked");
      assertThat(registry.manifestRequests() + registry.v2Requests()).isZero();

      first.runOnce();
      try (TestEngine plan =
          ImageChecks.engine(cluster, Files.createDirectories(tmp.resolve("plan")))
              .commit(ImageChecks.spec(registry.address(), "b@example.com", IMAGE, SECOND))) {
        int manifests = registry.manifestRequests();
        int logins = registry.v2Requests();

        assertThat(plan.plan().registries().get(0).images())
            .extracting(Plan.ImageVerdict::verdict)
            .containsExactly("pullable", "pullable");
        assertThat(registry.manifestRequests() - manifests).isEqualTo(2 * 2);
        assertThat(registry.v2Requests() - logins).isEqualTo(2);
      }
    }
  }
}
