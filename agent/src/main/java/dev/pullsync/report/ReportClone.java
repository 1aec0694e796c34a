package dev.pullsync.report;

import dev.pullsync.source.BareClone;
import dev.pullsync.source.GitAuth;
import dev.pullsync.source.WorkFolder;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Git mechanics of report publishing: a bare clone of the report branch in a {@link WorkFolder}
 * this process holds alone, fetching the remote tip, pushing one exact commit and packing now and
 * then. What to commit and when to retry is {@link ReportPublisher}'s business.
 */
final class ReportClone implements AutoCloseable {
  // Logged under the publisher's name, as before the split, so log settings keep working.
  private static final Logger LOG = LoggerFactory.getLogger(ReportPublisher.class);
  private static final int TRANSPORT_TIMEOUT_SECONDS = 60;
  private static final int GC_EVERY = 100;

  private final PublisherSettings settings;
  private final GitAuth auth;
  private final BareClone clone;
  private int commitsSinceGc;

  ReportClone(PublisherSettings settings, GitAuth auth) {
    this.settings = settings;
    this.auth = auth;
    this.clone =
        new BareClone(
            settings.workDir(),
            WorkFolder.nameFor(settings.target().remote() + "#" + settings.target().branch()),
            settings.target().branch());
  }

  /** The remote branch's current tip, fetched into the local clone, or null when it is missing. */
  ObjectId fetchTip() throws GitAPIException, IOException {
    String branchRef = "refs/heads/" + settings.target().branch();
    ObjectId advertised =
        configured(git().lsRemote().setRemote(settings.target().remote()).setHeads(true))
            .call()
            .stream()
            .filter(ref -> ref.getName().equals(branchRef))
            .map(ref -> ref.getObjectId())
            .findFirst()
            .orElse(null);
    if (advertised == null || repository().getObjectDatabase().has(advertised)) {
      return advertised;
    }
    String tracking = "refs/remotes/report/" + settings.target().branch();
    configured(git().fetch().setRemote(settings.target().remote()))
        .setRefSpecs(new RefSpec("+" + branchRef + ":" + tracking))
        .call();
    return repository().exactRef(tracking).getObjectId();
  }

  /**
   * Pushes {@code commit} itself (not a local branch another writer could have moved) as a
   * fast-forward of the remote branch. OK only when the remote reports that exact commit.
   */
  RemoteRefUpdate.Status push(ObjectId commit) throws GitAPIException, IOException {
    String branch = "refs/heads/" + settings.target().branch();
    RefUpdate update = repository().updateRef(branch);
    update.setNewObjectId(commit);
    update.setForceUpdate(true);
    update.forceUpdate();
    Iterable<PushResult> results =
        configured(git().push().setRemote(settings.target().remote()))
            .setRefSpecs(new RefSpec(commit.name() + ":" + branch))
            .call();
    for (PushResult result : results) {
      RemoteRefUpdate remote = result.getRemoteUpdate(branch);
      if (remote != null) {
        return remote.getStatus() != RemoteRefUpdate.Status.OK
                || commit.equals(remote.getNewObjectId())
            ? remote.getStatus()
            : RemoteRefUpdate.Status.REJECTED_OTHER_REASON;
      }
    }
    return RemoteRefUpdate.Status.REJECTED_OTHER_REASON;
  }

  /** Packs the local clone every {@value #GC_EVERY} commits; never fails a publish. */
  void housekeeping() {
    if (++commitsSinceGc < GC_EVERY) {
      return;
    }
    commitsSinceGc = 0;
    try {
      git().gc().call();
    } catch (GitAPIException | IOException | RuntimeException e) {
      LOG.debug("gc of the report clone failed: {}", e.getClass().getSimpleName());
    }
  }

  Repository repository() throws IOException, GitAPIException {
    return git().getRepository();
  }

  /** The folder the clone lives in (claimed by the first use). */
  Path dir() {
    return clone.dir();
  }

  /** Closes the clone and empties its folder, so the next use clones afresh. */
  void reset() {
    clone.reset();
  }

  private <C extends TransportCommand<C, ?>> C configured(C command) {
    auth.configure(command);
    command.setTimeout(TRANSPORT_TIMEOUT_SECONDS);
    return command;
  }

  private Git git() throws IOException, GitAPIException {
    return clone.git();
  }

  /** Closes the clone and releases this process's claim on its folder (which stays for reuse). */
  @Override
  public void close() {
    clone.close();
  }
}
