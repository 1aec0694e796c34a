package dev.pullsync.cli;

import dev.pullsync.config.AgentConfig;
import dev.pullsync.plan.Plan;
import dev.pullsync.reconcile.OfflinePlan;
import dev.pullsync.report.InventorySource;
import dev.pullsync.report.PublishedInventory;
import dev.pullsync.source.CheckoutFiles;
import dev.pullsync.source.GitSource;
import dev.pullsync.source.Snapshot;
import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.Location;
import dev.pullsync.spec.Problem;
import dev.pullsync.spec.Spec;
import dev.pullsync.spec.SpecLoader;
import dev.pullsync.unseal.KeyRing;
import dev.pullsync.unseal.StandInUnsealer;
import dev.pullsync.unseal.Unsealer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.util.FileUtils;

/**
 * {@code plan --offline-from}: reads the spec (the checked-out files of a local {@code --repo}, or
 * a clone of {@code --branch}), the published inventory and, when given, {@code --key} files, and
 * plans with {@link OfflinePlan}. Builds no Kubernetes client: it never contacts a cluster.
 */
final class OfflinePlanRun {
  private static final Pattern COMMIT = Pattern.compile("@sha1:([0-9a-f]{40})$");

  private final SharedOptions shared;
  private final String source;

  OfflinePlanRun(SharedOptions shared, String source) {
    this.shared = shared;
    this.source = source;
  }

  /** The plan, or an {@link InvalidSpecException} naming what is wrong with the input. */
  Plan plan() {
    if (shared.keysFromCluster) {
      throw invalid("--keys-from-cluster", "needs a cluster; offline, give --key FILE instead");
    }
    AgentConfig config = shared.config();
    String repo =
        config
            .git()
            .url()
            .filter(u -> !u.isBlank())
            .orElseThrow(
                () -> invalid("--repo", "required: the repository (a local checkout) of the spec"));
    Optional<Path> local = localDirectory(repo);
    InventorySource.Loaded loaded = inventory(config, local);
    PublishedInventory inventory = loaded.inventory();
    Optional<KeyRing> ring =
        shared.keys.isEmpty() ? Optional.empty() : Optional.of(KeyRing.load(shared.keys));
    SpecLoader loader = new SpecLoader(config.namespace(), Clock.systemUTC());
    OfflinePlan planner = planner(ring, config.namespace());
    String path = config.git().path();
    if (local.isPresent() && shared.branch == null) {
      Spec spec = loader.load(specRoot(local.get().resolve(path), path));
      String revision =
          CheckoutFiles.head(local.get()).map(h -> h + " (working tree)").orElse("working tree");
      Optional<Spec> previous =
          ring.isPresent() ? previous(local.get(), path, inventory, loader) : Optional.empty();
      return planner.plan(spec, revision, inventory, loaded.name(), previous);
    }
    try (GitSource git = new GitSource(shared.engineSettings().source(), Clock.systemUTC())) {
      Snapshot snapshot = git.fetch();
      Spec spec = loader.load(snapshot.specRoot());
      return planner.plan(spec, snapshot.revision(), inventory, loaded.name(), Optional.empty());
    }
  }

  /**
   * The inventory {@code --offline-from} names; a bare ref's file is that of {@code --cluster},
   * else of {@code --config}'s cluster. It must be of the cluster {@code --cluster} names.
   */
  private InventorySource.Loaded inventory(AgentConfig config, Optional<Path> local) {
    Optional<String> cluster =
        Optional.ofNullable(shared.cluster)
            .or(() -> shared.configFile == null ? Optional.empty() : Optional.of(config.cluster()));
    InventorySource.Loaded loaded = InventorySource.load(source, local, cluster);
    String found = loaded.inventory().cluster();
    if (shared.cluster != null && !shared.cluster.equals(found)) {
      throw invalid(
          "--offline-from",
          loaded.name() + " is the inventory of cluster " + found + ", not " + shared.cluster);
    }
    return loaded;
  }

  /** With keys: the real unsealer, for exact answers; without: ciphertext stand-ins. */
  private OfflinePlan planner(Optional<KeyRing> ring, String agentNamespace) {
    if (ring.isEmpty()) {
      return new OfflinePlan(shared.policy(), new StandInUnsealer()::unseal, false);
    }
    Unsealer unsealer =
        new Unsealer(ring.get(), agentNamespace, StandInUnsealer.localFingerprints());
    return new OfflinePlan(shared.policy(), unsealer::unseal, true);
  }

  /** The spec of the inventory's revision, when the local repository holds that commit. */
  private static Optional<Spec> previous(
      Path repo, String path, PublishedInventory inventory, SpecLoader loader) {
    Matcher m = COMMIT.matcher(inventory.revision());
    if (!m.find()) {
      return Optional.empty();
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("pullsync-offline-");
      if (!CheckoutFiles.extract(repo, m.group(1), path, dir)) {
        return Optional.empty();
      }
      return Optional.of(loader.load(dir));
    } catch (IOException | InvalidSpecException e) {
      return Optional.empty(); // the exact answer is then not available; the plan says so
    } finally {
      if (dir != null) {
        try {
          FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
        } catch (IOException e) {
          dir.toFile().deleteOnExit();
        }
      }
    }
  }

  private static Path specRoot(Path root, String path) {
    if (!Files.isDirectory(root)) {
      throw invalid("--path", (path.isEmpty() ? root.toString() : path) + ": no such directory");
    }
    return root;
  }

  private static Optional<Path> localDirectory(String repo) {
    if (repo.contains("://") || repo.startsWith("git@")) {
      return Optional.empty();
    }
    Path dir = Path.of(repo.startsWith("file:") ? repo.substring(5) : repo);
    return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
  }

  private static InvalidSpecException invalid(String field, String message) {
    return new InvalidSpecException(List.of(new Problem(Location.COMMAND_LINE, field, message)));
  }
}
