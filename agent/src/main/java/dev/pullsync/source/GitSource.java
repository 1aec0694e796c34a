package dev.pullsync.source;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the spec repository into a work folder of our own and pins the branch head: a detached,
 * hard-reset, cleaned checkout of exactly that commit, so uncommitted files of a user's checkout
 * are never read. The work folder persists: the first fetch is shallow where possible, later ones
 * fetch only what is new, and the last fetched revision stays in the folder's tracking ref. A
 * failed fetch throws (the caller keeps enforcing its last good revision) and starts a backoff
 * during which the failure is reported again without touching the network. With a verifier, the
 * pinned commit must pass it (e.g. a trusted signature) or nothing of it is checked out.
 *
 * <p>The work folder is this process's alone ({@link WorkFolder}): other processes on the host use
 * other slots, stale JGit locks a killed process left are cleared when it is claimed, and a clone
 * damaged in any other way is replaced by a fresh one.
 */
public final class GitSource implements AutoCloseable {
  private static final int FIRST_DEPTH = 1;
  private static final int TIMEOUT_SECONDS = 120;

  private static final Logger LOG = LoggerFactory.getLogger(GitSource.class);
  private static final Duration FOLDER_WAIT = Duration.ofMinutes(2);

  private final SourceOptions options;
  private final Clock clock;
  private final FetchBackoff backoff;
  private WorkFolder folder;
  private String lastRepair = "";

  public GitSource(SourceOptions options, Clock clock) {
    this.options = options;
    this.clock = clock;
    this.backoff = new FetchBackoff(clock, options.oneShot());
  }

  /**
   * Fetches and pins the branch head.
   *
   * @throws SourceException when fetching, pinning or verification fails
   */
  public synchronized Snapshot fetch() {
    backoff.checkReady();
    try {
      Snapshot snapshot = fetchAndRepair();
      backoff.succeeded();
      return snapshot;
    } catch (SourceException e) {
      backoff.failed(e);
      throw e;
    }
  }

  /**
   * Fetches into this process's own work folder; when the clone in it is damaged (stale locks the
   * claim could not clear, a half-written repository after a kill), clones once more into the
   * emptied folder. The repair is logged once per distinct damage.
   */
  private Snapshot fetchAndRepair() {
    requireLocalRepository();
    if (folder == null) {
      folder = WorkFolder.claim(options.workDir(), WorkFolder.nameFor(url()), FOLDER_WAIT);
    }
    try {
      return fetchAndPin(folder.dir());
    } catch (DamagedFolderException e) {
      if (!e.getMessage().equals(lastRepair)) {
        LOG.warn("{}; cloning afresh into {}", e.getMessage(), folder.dir());
      }
      lastRepair = e.getMessage();
      folder.reset();
      try {
        return fetchAndPin(folder.dir());
      } catch (DamagedFolderException again) {
        throw new SourceException(again.getMessage());
      }
    }
  }

  private Snapshot fetchAndPin(Path dir) {
    try (Git git = open(dir)) {
      String tracking = "refs/remotes/origin/" + options.branch();
      fetchInto(git, tracking);
      Ref head = git.getRepository().exactRef(tracking);
      if (head == null) {
        throw new SourceException(
            "branch " + options.branch() + " not found in " + RedactedUrl.of(url()));
      }
      RevCommit commit =
          SpecCommit.of(git.getRepository(), head.getObjectId(), options.excludedPath());
      options.verifier().verify(git.getRepository(), commit);
      git.checkout().setName(commit.name()).setForced(true).call();
      git.reset().setMode(ResetCommand.ResetType.HARD).setRef(commit.name()).call();
      git.clean().setCleanDirectories(true).setIgnore(false).setForce(true).call();
      removeExcluded(dir);
      String revision = options.branch() + "@sha1:" + commit.name();
      return new Snapshot(revision, commit.name(), specRoot(dir), clock.instant());
    } catch (GitAPIException | IOException | RuntimeException e) {
      if (e instanceof SourceException s) {
        throw s;
      }
      String message =
          "cannot fetch "
              + RedactedUrl.of(url())
              + " branch "
              + options.branch()
              + ": "
              + RedactedUrl.describe(e, options.auth().secrets());
      throw DamagedFolderException.isLocal(e)
          ? new DamagedFolderException(message)
          : new SourceException(message);
    }
  }

  /**
   * Fetches only the configured branch. The first fetch is shallow ({@value #FIRST_DEPTH} commit)
   * where the server allows it and no history is needed; later fetches bring only what is new.
   */
  private void fetchInto(Git git, String tracking) throws GitAPIException, IOException {
    boolean first = git.getRepository().exactRef(tracking) == null;
    boolean shallow = first && options.excludedPath().isEmpty();
    FetchResult result;
    try {
      result = fetchCommand(git, tracking, shallow ? FIRST_DEPTH : 0).call();
    } catch (GitAPIException e) {
      if (!shallow) {
        throw e;
      }
      result = fetchCommand(git, tracking, 0).call();
    }
    DamagedFolderException.checkTrackingUpdates(result);
  }

  private FetchCommand fetchCommand(Git git, String tracking, int depth) {
    FetchCommand fetch =
        git.fetch()
            .setRemote(url())
            .setRefSpecs(new RefSpec("+refs/heads/" + options.branch() + ":" + tracking))
            .setRemoveDeletedRefs(true)
            .setTimeout(TIMEOUT_SECONDS);
    if (depth > 0) {
      fetch.setDepth(depth);
    }
    options.auth().configure(fetch);
    return fetch;
  }

  private void removeExcluded(Path dir) throws IOException {
    if (options.excludedPath().isEmpty()) {
      return;
    }
    Path excluded = dir.resolve(options.excludedPath().get()).normalize();
    if (excluded.startsWith(dir) && !excluded.equals(dir) && Files.exists(excluded)) {
      FileUtils.delete(excluded.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
    }
  }

  /** The repository as JGit takes it: a URL as given, or a local path made absolute. */
  String url() {
    return urlOf(options.repo());
  }

  /** {@code repo} as JGit takes it (also the re-seal branch's remote, {@link ResealBranch}). */
  static String urlOf(String repo) {
    if (repo.matches("(?i)^[a-z][a-z0-9+.-]*://.*") || repo.matches("^[^/]+@[^/]+:.*")) {
      return repo;
    }
    return Path.of(repo).toAbsolutePath().normalize().toString();
  }

  private static Git open(Path dir) throws IOException, GitAPIException {
    if (Files.isDirectory(dir.resolve(".git"))) {
      return Git.open(dir.toFile());
    }
    Files.createDirectories(dir);
    return Git.init().setDirectory(dir.toFile()).setInitialBranch("pullsync-work").call();
  }

  private Path specRoot(Path dir) {
    Path root = dir.resolve(options.path()).normalize();
    if (!root.startsWith(dir)) {
      throw new SourceException("path " + options.path() + " leaves the repository");
    }
    if (!Files.isDirectory(root)) {
      throw new SourceException(
          "path "
              + options.path()
              + " not found in "
              + RedactedUrl.of(options.repo())
              + " branch "
              + options.branch());
    }
    return root;
  }

  /** Releases this process's claim on its work folder (the folder stays for reuse). */
  @Override
  public synchronized void close() {
    if (folder != null) {
      folder.close();
      folder = null;
    }
  }

  /** A local path that is no Git repository is named as the user wrote it, before JGit tries. */
  private void requireLocalRepository() {
    String url = url();
    if (!url.startsWith("/")) {
      return;
    }
    File file = new File(url);
    if (!file.exists()) {
      throw new SourceException(options.repo() + ": no such repository (not found)");
    }
    boolean repository =
        RepositoryCache.FileKey.isGitRepository(file, FS.DETECTED)
            || RepositoryCache.FileKey.isGitRepository(new File(file, ".git"), FS.DETECTED);
    if (!repository) {
      throw new SourceException(options.repo() + ": not a Git repository");
    }
  }

  @Override
  public String toString() {
    return "GitSource[" + RedactedUrl.of(url()) + " " + options.branch() + "]";
  }
}
