package dev.pullsync.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;

/**
 * Fetches the spec repository into a work folder of our own and pins the branch head: a detached,
 * hard-reset, cleaned checkout of exactly that commit, so uncommitted files of a user's checkout
 * are never read. The first fetch clones; later ones fetch only what is new.
 */
public final class GitSource {
  private final SourceOptions options;
  private final Clock clock;

  public GitSource(SourceOptions options, Clock clock) {
    this.options = options;
    this.clock = clock;
  }

  /**
   * Fetches and pins the branch head.
   *
   * @throws SourceException when fetching, pinning or verification fails
   */
  public synchronized Snapshot fetch() {
    Path dir = options.workDir().resolve(folderName(url()));
    try (Git git = open(dir)) {
      String tracking = "refs/remotes/origin/" + options.branch();
      FetchCommand fetch =
          git.fetch()
              .setRemote(url())
              .setRefSpecs(new RefSpec("+refs/heads/" + options.branch() + ":" + tracking))
              .setRemoveDeletedRefs(true);
      options.auth().configure(fetch);
      fetch.call();
      Ref head = git.getRepository().exactRef(tracking);
      if (head == null) {
        throw new SourceException(
            "branch " + options.branch() + " not found in " + RedactedUrl.of(url()));
      }
      RevCommit commit;
      try (RevWalk walk = new RevWalk(git.getRepository())) {
        commit = walk.parseCommit(head.getObjectId());
      }
      options.verifier().verify(git.getRepository(), commit);
      git.checkout().setName(commit.name()).setForced(true).call();
      git.reset().setMode(ResetCommand.ResetType.HARD).setRef(commit.name()).call();
      git.clean().setCleanDirectories(true).setIgnore(false).setForce(true).call();
      String revision = options.branch() + "@sha1:" + commit.name();
      return new Snapshot(revision, commit.name(), specRoot(dir), clock.instant());
    } catch (GitAPIException | IOException | RuntimeException e) {
      if (e instanceof SourceException s) {
        throw s;
      }
      throw new SourceException(
          "cannot fetch "
              + RedactedUrl.of(url())
              + " branch "
              + options.branch()
              + ": "
              + RedactedUrl.describe(e, options.auth().secrets()));
    }
  }

  /** The repository as JGit takes it: a URL as given, or a local path made absolute. */
  String url() {
    String repo = options.repo();
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
    return root;
  }

  /** A readable, unique folder per repository (no credentials in it). */
  static String folderName(String url) {
    String clean = RedactedUrl.of(url);
    String slug = clean.replaceAll("[^A-Za-z0-9._-]+", "-");
    slug = slug.substring(Math.max(0, slug.length() - 40)).replaceAll("^-+", "");
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(clean.getBytes(StandardCharsets.UTF_8));
      return slug + "-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "GitSource[" + RedactedUrl.of(url()) + " " + options.branch() + "]";
  }
}
