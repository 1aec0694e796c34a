package dev.pullsync.bench;

import dev.pullsync.unseal.HybridCipher;
import dev.pullsync.unseal.KeyRing;
import dev.pullsync.unseal.Scope;
import dev.pullsync.unseal.SealedText;
import dev.pullsync.unseal.SealingKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * The benchmark's Git repository: four Registries with sealed passwords (a key pair made
 * in-process, namespace-wide to the agent namespace) and three PullSecrets of two registries each,
 * selecting namespaces by a list of names, by a glob and by a label selector. {@link #rotate}
 * re-seals one registry's password and commits it.
 */
final class BenchSpec {
  static final String AGENT_NAMESPACE = "pullsync";
  static final String BY_LIST = "bench-list";
  static final String BY_GLOB = "bench-glob";
  static final String BY_SELECTOR = "bench-selector";

  /** The registry only {@link #BY_SELECTOR} uses: rotating it touches exactly those Secrets. */
  static final String ROTATED = "ecr";

  /** The PullSecret of the migration phase: its Secret name is taken by hand-made Secrets. */
  static final String HANDMADE = "bench-handmade";

  /** How many namespaces the list PullSecret names (the first ones). */
  static final int LISTED = 50;

  private static final Map<String, String> SERVERS =
      Map.of(
          "harbor", "harbor.bench.example:30002",
          "ghcr", "ghcr.io",
          "quay", "quay.io",
          "ecr", "123456789012.dkr.ecr.eu-west-1.amazonaws.com");

  private final Path repo;
  private final SealingKeyGenerator.Generated key;
  private final HybridCipher cipher = new HybridCipher(new SecureRandom());
  private final Map<String, String> passwords = new TreeMap<>();
  private final Map<String, String> sealed = new TreeMap<>();
  private int commits;

  private BenchSpec(Path repo, SealingKeyGenerator.Generated key) {
    this.repo = repo;
    this.key = key;
  }

  /** Makes the key pair and the repository with its first commit. */
  static BenchSpec create(Path repo, int keyBits) {
    BenchSpec spec =
        new BenchSpec(
            repo, new SealingKeyGenerator(Clock.systemUTC(), new SecureRandom()).generate(keyBits));
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      SERVERS.keySet().forEach(r -> spec.passwords.put(r, "bench-" + r + "-password-1"));
      Files.writeString(repo.resolve("pull-secrets.yaml"), pullSecrets(), StandardCharsets.UTF_8);
      spec.commit(git, "bench spec");
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot create the benchmark repository", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return spec;
  }

  Path repo() {
    return repo;
  }

  KeyRing keyRing() {
    return KeyRing.of(List.of(key.sealingKey("bench key")));
  }

  /** Re-seals {@link #ROTATED}'s password with a new value and commits it. */
  void rotate() {
    passwords.put(ROTATED, "bench-" + ROTATED + "-password-" + (commits + 1));
    sealed.remove(ROTATED);
    try (Git git = Git.open(repo.toFile())) {
      commit(git, "rotate " + ROTATED);
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot commit the rotation", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds {@link #HANDMADE} (harbor, {@code adopt: never} by default) for the first {@code count}
   * namespaces and commits it: the runbook's migration case when they already hold such Secrets.
   */
  void addHandmade(int count) {
    String names =
        IntStream.range(0, count)
            .mapToObj(BenchCluster::namespace)
            .collect(Collectors.joining(", ", "[", "]"));
    try (Git git = Git.open(repo.toFile())) {
      Files.writeString(
          repo.resolve("handmade.yaml"),
          pullSecret(HANDMADE, "[harbor]", "    names: " + names),
          StandardCharsets.UTF_8);
      commit(git, "add " + HANDMADE);
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot commit " + HANDMADE, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void commit(Git git, String message) throws IOException, GitAPIException {
    Files.writeString(repo.resolve("registries.yaml"), registries(), StandardCharsets.UTF_8);
    git.add().addFilepattern(".").call();
    git.commit().setMessage(message).setSign(false).call();
    commits++;
  }

  private String registries() {
    StringBuilder yaml = new StringBuilder();
    for (Map.Entry<String, String> r : new TreeMap<>(SERVERS).entrySet()) {
      yaml.append("---\napiVersion: pullsync.dev/v1alpha1\nkind: Registry\nmetadata:\n  name: ")
          .append(r.getKey())
          .append("\nspec:\n  server: ")
          .append(r.getValue())
          .append("\n  username: bench-puller\n  password:\n    sealed: ")
          .append(sealed.computeIfAbsent(r.getKey(), k -> seal(passwords.get(k))))
          .append('\n');
    }
    return yaml.toString();
  }

  private String seal(String plaintext) {
    byte[] label = Scope.NAMESPACE_WIDE.label(AGENT_NAMESPACE, "");
    return SealedText.encode(
        cipher.seal(key.keyPair().getPublic(), plaintext.getBytes(StandardCharsets.UTF_8), label));
  }

  private static String pullSecrets() {
    String names =
        IntStream.range(0, LISTED)
            .mapToObj(BenchCluster::namespace)
            .collect(Collectors.joining(", ", "[", "]"));
    return pullSecret(BY_LIST, "[harbor, ghcr]", "    names: " + names)
        + pullSecret(BY_GLOB, "[harbor, quay]", "    patterns: [\"team-*\"]")
        + pullSecret(
            BY_SELECTOR,
            "[harbor, ecr]",
            "    selector:\n      matchLabels: {" + BenchCluster.TIER_LABEL + ": gold}");
  }

  private static String pullSecret(String name, String registries, String selection) {
    return "---\napiVersion: pullsync.dev/v1alpha1\nkind: PullSecret\nmetadata:\n  name: "
        + name
        + "\nspec:\n  registries: "
        + registries
        + "\n  namespaces:\n"
        + selection
        + "\n  serviceAccounts: [default]\n";
  }
}
