package dev.pullsync.plan;

import static dev.pullsync.testkit.Fixtures.pullSecret;

import dev.pullsync.check.ImageGate;
import dev.pullsync.check.LoginGate;
import dev.pullsync.check.ManifestCheck;
import dev.pullsync.check.RegistryLogin;
import dev.pullsync.testkit.Fixtures;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.TestEngine;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Engines that check logins and {@code verify} images as the agent does, each with a fresh gate (as
 * a new {@code pullsync plan} process has), and the spec the image-verdict plan tests share.
 */
final class ImageChecks {
  static final String IMAGE = "kubeflow-iris/iris-download:v1.0";
  static final String PASSWORD = Fixtures.CANARY;

  private ImageChecks() {}

  static TestEngine engine(MockCluster cluster, Path tmp) {
    RegistryLogin login = new RegistryLogin();
    LoginGate gate =
        LoginGate.checking(login::check)
            .withImages(
                new ImageGate(
                    new ManifestCheck(login)::check,
                    java.time.Clock.systemUTC(),
                    Duration.ofMinutes(5)));
    return new TestEngine(cluster, tmp, Policy.defaults(), gate);
  }

  /** Registry {@code harbor} at {@code server} verifying {@code images}; {@code email} in it. */
  static Fixtures spec(String server, String email, String... images) {
    return Fixtures.spec()
        .registry("harbor", server, "robot", PASSWORD, email)
        .insecure()
        .verify(images)
        .pullSecret(pullSecret("harbor-credentials", "harbor").names("team-a"));
  }
}
