package dev.pullsync.reconcile;

import dev.pullsync.apply.ApplyOptions;
import dev.pullsync.check.LoginSettings;
import dev.pullsync.demo.BundledExamples;
import dev.pullsync.plan.Policy;
import dev.pullsync.report.Reporter;
import dev.pullsync.source.SourceOptions;
import dev.pullsync.spec.SpecLoader;
import dev.pullsync.testkit.MockCluster;
import dev.pullsync.testkit.RealEngine;
import dev.pullsync.unseal.HybridCipher;
import dev.pullsync.unseal.KeyRing;
import dev.pullsync.unseal.Resealer;
import dev.pullsync.unseal.Scope;
import dev.pullsync.unseal.SealedText;
import dev.pullsync.unseal.SealingKey;
import dev.pullsync.unseal.Unsealed;
import dev.pullsync.unseal.Unsealer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Key renewal day on a real Git remote: a bare repository whose {@code main} holds the
 * multi-registry example (inline username, password, dockerConfigJson and a sealedSecretFile
 * manifest) plus a canary Registry under {@code clusters/prod}, every value sealed with test key A
 * (certificate of 2026-11-26 19:47); the ring adds the demo key (certificate of 20:43 that day),
 * the active one. The bare repository logs every ref update, so pushes can be counted.
 */
final class ResealRemote {
  static final String SPEC_PATH = "clusters/prod";
  static final String CANARY = "CANARY-reseal-5c1f9e0d7a";
  static final Path OLD_KEY =
      Path.of("src", "test", "resources", "vectors", "keys", "A", "secret.yaml");
  static final Path NEW_KEY = Path.of("..", "examples", "demo-key", "sealed-secrets-key.yaml");
  static final Pattern CIPHERTEXT = Pattern.compile("Ag[A-Za-z0-9+/]{300,}={0,2}");

  private final Path tmp;
  private final Path work;
  private final Path bare;

  ResealRemote(Path tmp) throws Exception {
    this.tmp = tmp;
    this.work = tmp.resolve("checkout");
    this.bare = tmp.resolve("remote.git");
    Path spec = work.resolve(SPEC_PATH);
    BundledExamples.copy("multi-registry", spec);
    sealFor(spec, oldKey());
    Files.writeString(work.resolve("README.md"), "# fleet\n");
    Files.writeString(work.resolve(SPEC_PATH).resolve("canary.yaml"), canaryRegistry());
    try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
      commit(git, "spec sealed with the demo key");
    }
    Git.cloneRepository()
        .setURI(work.toString())
        .setDirectory(bare.toFile())
        .setBare(true)
        .call()
        .close();
    try (Git git = Git.open(bare.toFile())) {
      StoredConfig config = git.getRepository().getConfig();
      config.setString("core", null, "logAllRefUpdates", "always");
      config.save();
    }
  }

  /** The agent's settings: the bare remote's {@code clusters/prod}, both keys, a fresh work dir. */
  EngineSettings settings(String workName, boolean pushBranch) {
    return new EngineSettings(
            SourceOptions.local(bare.toString(), "main", SPEC_PATH)
                .withWorkDir(tmp.resolve(workName)),
            RealEngine.CLUSTER,
            RealEngine.AGENT_NAMESPACE,
            List.of(OLD_KEY, NEW_KEY),
            false,
            "kube-system",
            Policy.defaults(),
            ApplyOptions.defaults(),
            Duration.ofSeconds(60),
            new LoginSettings(false),
            RealEngine.INSTANCE)
        .withResealPush(
            new EngineSettings.ResealPush(pushBranch, "pullsync", "pullsync@test.invalid"));
  }

  Engine open(MockCluster cluster, EngineSettings settings, Clock clock) {
    return Engine.open(
        settings, cluster.patientClient(), Reporter.disabled(), clock, EngineObserver.NONE);
  }

  /** {@code pullsync/reseal-<id of the renewed key>}. */
  String branch() {
    return "pullsync/reseal-" + KeyRing.load(List.of(NEW_KEY)).keys().get(0).shortId();
  }

  Path bare() {
    return bare;
  }

  /** The remote's tip of {@code branch}, or null when it has none. */
  String head(String branch) throws IOException {
    try (Repository repo = Git.open(bare.toFile()).getRepository()) {
      Ref ref = repo.exactRef(Constants.R_HEADS + branch);
      return ref == null ? null : ref.getObjectId().name();
    }
  }

  /** The parent of the remote's tip of {@code branch}. */
  String parentOf(String branch) throws IOException {
    try (Repository repo = Git.open(bare.toFile()).getRepository();
        RevWalk walk = new RevWalk(repo)) {
      RevCommit tip = walk.parseCommit(repo.resolve(Constants.R_HEADS + branch));
      return tip.getParentCount() == 1
          ? tip.getParent(0).name()
          : "parents: " + tip.getParentCount();
    }
  }

  /** How many times the remote's {@code branch} was updated (its reflog). */
  int updates(String branch) throws IOException {
    try (Repository repo = Git.open(bare.toFile()).getRepository()) {
      return repo.getRefDatabase()
          .getReflogReader(Constants.R_HEADS + branch)
          .getReverseEntries()
          .size();
    }
  }

  /** Every file of the remote's {@code branch}, by repository path. */
  Map<String, String> files(String branch) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Repository repo = Git.open(bare.toFile()).getRepository();
        RevWalk walk = new RevWalk(repo);
        TreeWalk tree = new TreeWalk(repo)) {
      ObjectId id = repo.resolve(Constants.R_HEADS + branch);
      tree.addTree(walk.parseCommit(id).getTree());
      tree.setRecursive(true);
      while (tree.next()) {
        byte[] bytes = repo.open(tree.getObjectId(0)).getBytes();
        out.put(tree.getPathString(), new String(bytes, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /** The spec among {@code files} (repository paths), unsealed with {@code keys} only. */
  Unsealed unseal(Map<String, String> files, String dirName, List<Path> keys) throws IOException {
    Path root = tmp.resolve(dirName);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path target = root.resolve(f.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, f.getValue());
    }
    return new Unsealer(KeyRing.load(keys), RealEngine.AGENT_NAMESPACE)
        .unseal(new SpecLoader().load(root.resolve(SPEC_PATH)));
  }

  /** Commits a change of {@code file} (repository path) and pushes it to the remote's main. */
  String moveSpec(String file, String content) throws Exception {
    try (Git git = Git.open(work.toFile())) {
      Files.writeString(work.resolve(file), content);
      String id = commit(git, "change " + file);
      git.push().setRemote(bare.toString()).setRefSpecs(new RefSpec("main:main")).call();
      return id;
    }
  }

  /** A branch {@code name} on the remote, at main's tip. */
  void createRemoteBranch(String name) throws Exception {
    try (Git git = Git.open(bare.toFile())) {
      git.branchCreate().setName(name).setStartPoint("main").call();
    }
  }

  void deleteRemoteBranch(String name) throws Exception {
    try (Git git = Git.open(bare.toFile())) {
      git.branchDelete().setBranchNames(name).setForce(true).call();
    }
  }

  static String masked(String text) {
    return CIPHERTEXT.matcher(text).replaceAll("<ciphertext>");
  }

  static List<String> ciphertexts(String text) {
    Matcher m = CIPHERTEXT.matcher(text);
    return m.results().map(r -> r.group()).toList();
  }

  /** Every byte under {@code dir} as text, to search for the canary. */
  static String everything(Path dir) {
    StringBuilder out = new StringBuilder();
    try (var files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String commit(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    PersonIdent who = new PersonIdent("Platform Team", "platform@example.com");
    return git.commit()
        .setMessage(message)
        .setAuthor(who)
        .setCommitter(who)
        .setSign(false)
        .call()
        .getName();
  }

  /** A Registry whose password is the canary, sealed namespace-wide with the demo key. */
  private static String canaryRegistry() throws IOException {
    byte[] sealed =
        new HybridCipher(new SecureRandom())
            .seal(
                oldKey().publicKey(),
                CANARY.getBytes(StandardCharsets.UTF_8),
                Scope.NAMESPACE_WIDE.label(RealEngine.AGENT_NAMESPACE, ""));
    return "# A registry whose password is a canary: it must never show in plain text.\n"
        + "apiVersion: pullsync.dev/v1alpha1\nkind: Registry\nmetadata:\n  name: canary\n"
        + "spec:\n  server: canary.example.com\n  username: robot # a comment stays\n"
        + "  password:\n    sealed: "
        + SealedText.encode(sealed)
        + "\n";
  }

  private static SealingKey oldKey() {
    return KeyRing.load(List.of(OLD_KEY)).keys().get(0);
  }

  /** The example as shipped (sealed with the demo key), moved to {@code key}: the older one. */
  private static void sealFor(Path spec, SealingKey key) throws IOException {
    Resealer.Result moved =
        new Resealer(KeyRing.load(List.of(NEW_KEY)), RealEngine.AGENT_NAMESPACE, new SecureRandom())
            .reseal(new SpecLoader().load(spec), key.publicKey(), name -> read(spec.resolve(name)));
    if (!moved.problems().isEmpty()) {
      throw new IllegalStateException(moved.problems().toString());
    }
    for (Map.Entry<String, String> f : moved.texts().entrySet()) {
      Files.writeString(spec.resolve(f.getKey()), f.getValue());
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
