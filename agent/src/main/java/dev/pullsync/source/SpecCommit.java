package dev.pullsync.source;

import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.NotTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Which commit of a branch holds its spec when the agent also writes its report onto that branch:
 * the newest commit that changed anything outside the report directory. The agent's own report
 * commits are skipped, so they never look like a new spec revision (and never trigger an apply and
 * another report, in a loop).
 */
final class SpecCommit {
  private SpecCommit() {}

  static RevCommit of(Repository repo, ObjectId head, Optional<String> excludedPath)
      throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit tip = walk.parseCommit(head);
      if (excludedPath.isEmpty()) {
        return tip;
      }
      walk.setTreeFilter(
          AndTreeFilter.create(
              NotTreeFilter.create(PathFilter.create(excludedPath.get())), TreeFilter.ANY_DIFF));
      walk.markStart(tip);
      RevCommit newest = walk.next();
      return newest == null ? tip : walk.parseCommit(newest);
    }
  }
}
