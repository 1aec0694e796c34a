package dev.pullsync.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** A bare repository the report tests push to, and ways to read what landed in it. */
final class GitReportRepo implements AutoCloseable {
  private final Git git;
  final Path dir;

  private GitReportRepo(Git git, Path dir) {
    this.git = git;
    this.dir = dir;
  }

  static GitReportRepo bare(Path dir) throws GitAPIException {
    return new GitReportRepo(
        Git.init().setBare(true).setInitialBranch("main").setDirectory(dir.toFile()).call(), dir);
  }

  String url() {
    return dir.toUri().toString();
  }

  Repository repo() {
    return git.getRepository();
  }

  Optional<RevCommit> tip(String branch) throws IOException {
    Ref ref = repo().exactRef("refs/heads/" + branch);
    if (ref == null) {
      return Optional.empty();
    }
    try (RevWalk walk = new RevWalk(repo())) {
      return Optional.of(walk.parseCommit(ref.getObjectId()));
    }
  }

  Optional<String> file(String branch, String path) throws IOException {
    Optional<RevCommit> tip = tip(branch);
    if (tip.isEmpty()) {
      return Optional.empty();
    }
    try (TreeWalk walk = TreeWalk.forPath(repo(), path, tip.get().getTree())) {
      if (walk == null) {
        return Optional.empty();
      }
      ObjectId blob = walk.getObjectId(0);
      byte[] bytes = repo().open(blob, Constants.OBJ_BLOB).getBytes();
      return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }
  }

  List<RevCommit> history(String branch) throws IOException, GitAPIException {
    List<RevCommit> commits = new ArrayList<>();
    git.log().add(repo().resolve("refs/heads/" + branch)).call().forEach(commits::add);
    return commits;
  }

  @Override
  public void close() {
    git.close();
  }
}
