package dev.pullsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.demo.DemoRepository;
import dev.pullsync.plan.Plan;
import dev.pullsync.report.Report;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.RealEngine;
import dev.pullsync.unseal.HybridCipher;
import dev.pullsync.unseal.KeyRing;
import dev.pullsync.unseal.SealedText;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fingerprints are keyed by the instance's stored salt, not by the key ring: adding a key, renewing
 * (the same credentials resealed with the new key) and removing the old key each plan zero writes.
 * With the earlier ring-derived key, one of the two keys' arrival or departure changed every
 * fingerprint.
 */
class KeyChangesPlanNoWritesTest {
  @TempDir Path tmp;
  final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void addingRenewingAndRemovingAKeyPlansNoChange() throws Exception {
    // what the Kubeflow example targets: a profile's two ServiceAccounts, and kubeflow itself
    cluster
        .namespace("kubeflow")
        .namespace("user-example-com")
        .serviceAccount("user-example-com", "default")
        .serviceAccount("user-example-com", "default-editor");
    Path repo = DemoRepository.create("kubeflow-harbor", tmp.resolve("repo"));
    Path demo = RealEngine.DEMO_KEY;
    Path other = resource("vectors/keys/A/tls.key");
    try (Engine engine = RealEngine.open(cluster, repo, tmp.resolve("w1"), List.of(demo))) {
      assertThat(engine.reconciler().run(Trigger.full("startup")).result())
          .isEqualTo(Report.Result.SYNCED);
    }

    Plan added = plan(repo, "w2", List.of(demo, other));
    System.out.println("writes planned after a key is added: " + added.toApply().size());
    assertThat(added.changes()).allSatisfy(c -> assertThat(c.toApply()).isFalse());
    assertThat(added.hasChanges()).isFalse();

    reseal(repo, other);
    Plan renewed = plan(repo, "w3", List.of(demo, other));
    assertThat(renewed.hasChanges()).isFalse();

    Plan removed = plan(repo, "w4", List.of(other));
    assertThat(removed.hasChanges()).isFalse();
    assertThat(removed.errors()).isEmpty();
  }

  private Plan plan(Path repo, String work, List<Path> keys) {
    try (Engine engine = RealEngine.open(cluster, repo, tmp.resolve(work), keys)) {
      return engine.reconciler().plan(Trigger.full("plan"));
    }
  }

  /** The same password, sealed for {@code key} (namespace-wide to the agent's namespace). */
  private static void reseal(Path repo, Path key) throws Exception {
    Path harbor = repo.resolve("harbor.yaml");
    String text = Files.readString(harbor);
    String old =
        text.substring(text.indexOf("sealed: ") + 8, text.indexOf('\n', text.indexOf("sealed: ")));
    byte[] sealed =
        new HybridCipher(new SecureRandom())
            .seal(
                KeyRing.load(List.of(key)).keys().get(0).publicKey(),
                "Harbor12345".getBytes(StandardCharsets.UTF_8),
                RealEngine.AGENT_NAMESPACE.getBytes(StandardCharsets.UTF_8));
    Files.writeString(harbor, text.replace(old, SealedText.encode(sealed)));
    try (Git git = Git.open(repo.toFile())) {
      git.add().addFilepattern("harbor.yaml").call();
      git.commit().setMessage("reseal for the renewed key").setSign(false).call();
    }
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(KeyChangesPlanNoWritesTest.class.getResource("/" + name).toURI());
  }
}
