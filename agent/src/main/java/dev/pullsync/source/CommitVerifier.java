package dev.pullsync.source;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Checks a fetched commit before its files are used (e.g. a GPG or SSH signature from a trusted
 * key). The default accepts every commit.
 */
@FunctionalInterface
public interface CommitVerifier {
  CommitVerifier ACCEPT_ALL = (repository, commit) -> {};

  /**
   * @throws SourceException when the commit must not be used; its message says why, for the report
   */
  void verify(Repository repository, RevCommit commit);
}
