package dev.pullsync.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Reads a local checkout without changing it (for {@code plan --offline-from}): which commit is
 * checked out, and the files one earlier commit held under a path, written to a folder so the spec
 * stage can load them. Never fetches; a commit the clone lacks is simply absent.
 */
public final class CheckoutFiles {
  private CheckoutFiles() {}

  /** {@code HEAD@sha1:<id>} of the repository holding {@code dir}, if it is one. */
  public static Optional<String> head(Path dir) {
    try (Repository repo = open(dir).orElse(null)) {
      if (repo == null) {
        return Optional.empty();
      }
      ObjectId head = repo.resolve("HEAD^{commit}");
      return Optional.ofNullable(head).map(id -> "HEAD@sha1:" + id.name());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Writes the files {@code commit} holds under {@code path} ("" for the root) into {@code target};
   * false when the repository does not hold that commit.
   */
  public static boolean extract(Path dir, String commit, String path, Path target)
      throws IOException {
    try (Repository repo = open(dir).orElse(null)) {
      if (repo == null) {
        return false;
      }
      ObjectId id = repo.resolve(commit + "^{commit}");
      if (id == null || !repo.getObjectDatabase().has(id)) {
        return false;
      }
      try (RevWalk walk = new RevWalk(repo);
          TreeWalk tree = new TreeWalk(repo)) {
        RevCommit c = walk.parseCommit(id);
        tree.addTree(c.getTree());
        tree.setRecursive(true);
        String prefix = path.isEmpty() || path.equals(".") ? "" : strip(path);
        if (!prefix.isEmpty()) {
          tree.setFilter(PathFilter.create(prefix));
        }
        while (tree.next()) {
          String name = tree.getPathString();
          String relative = prefix.isEmpty() ? name : name.substring(prefix.length() + 1);
          Path out = target.resolve(relative).normalize();
          if (!out.startsWith(target)) {
            continue;
          }
          Files.createDirectories(out.getParent());
          Files.write(out, repo.open(tree.getObjectId(0)).getBytes());
        }
      }
      return true;
    } catch (org.eclipse.jgit.errors.MissingObjectException e) {
      return false;
    }
  }

  private static String strip(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  private static Optional<Repository> open(Path dir) throws IOException {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
    return builder.getGitDir() == null ? Optional.empty() : Optional.of(builder.build());
  }
}
