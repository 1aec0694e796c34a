package dev.pullsync.report;

import dev.pullsync.source.DamagedFolderException;
import dev.pullsync.source.GitAuth;
import dev.pullsync.source.RedactedUrl;
import dev.pullsync.source.WorkFolder;
import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits each reconcile's report to Git and pushes it, so that many agents (one per cluster) can
 * share one repository and branch. Every attempt starts from the remote's current tip and replaces
 * only this cluster's files; a push rejected because another cluster pushed first is retried on the
 * new tip after a jittered exponential backoff, so no report is lost and no other cluster's file is
 * touched. Nothing is committed when the report says the same as the committed one apart from its
 * timestamp. Failures are returned (and logged once per change of state), never thrown.
 *
 * <p>The bare clone lives in a {@link WorkFolder} this process holds alone, so several processes on
 * one host never share refs; a clone a killed process left damaged is replaced by a fresh one.
 */
public final class ReportPublisher implements Reporter, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReportPublisher.class);
  private static final int TRANSPORT_TIMEOUT_SECONDS = 60;
  private static final int MAX_TRANSPORT_ATTEMPTS = 3;
  private static final int GC_EVERY = 100;
  private static final Duration FOLDER_WAIT = Duration.ofMinutes(2);
  private static final java.util.regex.Pattern FILE_NAME =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final PublisherSettings settings;
  private final GitAuth auth;
  private final Clock clock;
  private final RandomGenerator random;
  private final ReportCommitter committer;
  private final String remoteForMessages;
  private WorkFolder folder;
  private Git git;
  private String lastFailure = "";
  private String lastRepair = "";
  private int commitsSinceGc;

  public ReportPublisher(
      PublisherSettings settings, GitAuth auth, Clock clock, RandomGenerator random) {
    this.settings = settings;
    this.auth = auth;
    this.clock = clock;
    this.random = random;
    this.committer = new ReportCommitter(settings.target());
    this.remoteForMessages = RedactedUrl.of(settings.target().remote());
  }

  /** Publishes one report; safe to call from several threads (calls are serialised). */
  @Override
  public synchronized PublishResult publish(Report report) {
    return publish(report, Optional.empty());
  }

  @Override
  public boolean keepsInventory() {
    return true;
  }

  /** Publishes one report and the inventory of its cluster (committed only when it changed). */
  @Override
  public synchronized PublishResult publish(
      Report report, dev.pullsync.live.ClusterListing inventory) {
    return publish(report, Optional.of(inventory));
  }

  private PublishResult publish(
      Report report, Optional<dev.pullsync.live.ClusterListing> inventory) {
    PublishResult result;
    try {
      result =
          FILE_NAME.matcher(report.cluster()).matches()
              ? publishWithRetries(report, files(report, inventory))
              : failure(0, "cluster name '" + report.cluster() + "' cannot be a file name");
    } catch (IOException | GitAPIException | RuntimeException e) {
      result = failure(1, RedactedUrl.describe(e, auth.secrets()));
      if (DamagedFolderException.isLocal(e)) {
        result = publishAfterRepair(report, files(report, inventory), result);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result = failure(1, "interrupted while waiting to retry");
    }
    logOnStateChange(report, result);
    return result;
  }

  /** The clone is damaged (a kill left it half-written): empty the folder and try once more. */
  private PublishResult publishAfterRepair(Report report, ReportFiles files, PublishResult failed) {
    if (!failed.message().equals(lastRepair)) {
      LOG.warn("{}; cloning afresh into {}", failed.message(), folder.dir());
    }
    lastRepair = failed.message();
    closeGit();
    folder.reset();
    try {
      return publishWithRetries(report, files);
    } catch (IOException | GitAPIException | RuntimeException e) {
      return failure(1, RedactedUrl.describe(e, auth.secrets()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failure(1, "interrupted while waiting to retry");
    }
  }

  private static ReportFiles files(
      Report report, Optional<dev.pullsync.live.ClusterListing> inventory) {
    return inventory.map(i -> ReportFiles.of(report, i)).orElseGet(() -> ReportFiles.of(report));
  }

  private PublishResult publishWithRetries(Report report, ReportFiles files)
      throws IOException, GitAPIException, InterruptedException {
    String problem = "";
    int transportFailures = 0;
    for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
      if (attempt > 1) {
        Thread.sleep(backoff(attempt - 1).toMillis());
      }
      try {
        ObjectId tip = fetchTip();
        Optional<ObjectId> commit =
            committer.commitOnto(repository(), tip, report, files, author());
        if (commit.isEmpty()) {
          return new PublishResult(
              PublishResult.Outcome.UNCHANGED, Optional.empty(), attempt, "report unchanged");
        }
        RemoteRefUpdate.Status status = push(commit.get());
        if (status == RemoteRefUpdate.Status.OK) { // the remote confirmed this exact commit
          housekeeping();
          return new PublishResult(
              PublishResult.Outcome.COMMITTED,
              Optional.of(commit.get().name()),
              attempt,
              "committed " + commit.get().abbreviate(7).name() + " to " + where());
        }
        problem = "push rejected (" + status + "), another agent pushed first";
      } catch (org.eclipse.jgit.api.errors.TransportException e) {
        problem = RedactedUrl.describe(e, auth.secrets());
        if (++transportFailures >= MAX_TRANSPORT_ATTEMPTS) {
          return failure(attempt, problem);
        }
      }
    }
    return failure(
        settings.maxAttempts(),
        "gave up after " + settings.maxAttempts() + " attempts: " + problem);
  }

  /** The remote branch's current tip, fetched into the local clone, or null when it is missing. */
  private ObjectId fetchTip() throws GitAPIException, IOException {
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
  private RemoteRefUpdate.Status push(ObjectId commit) throws GitAPIException, IOException {
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
  private void housekeeping() {
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

  private <C extends TransportCommand<C, ?>> C configured(C command) {
    auth.configure(command);
    command.setTimeout(TRANSPORT_TIMEOUT_SECONDS);
    return command;
  }

  private Duration backoff(int failures) {
    long first = settings.firstBackoff().toMillis();
    long capped = Math.min(settings.maxBackoff().toMillis(), first << Math.min(failures - 1, 20));
    long half = Math.max(1, capped / 2);
    return Duration.ofMillis(half + random.nextLong(half + 1));
  }

  private PersonIdent author() {
    return new PersonIdent(
        settings.authorName(), settings.authorEmail(), clock.instant(), clock.getZone());
  }

  private PublishResult failure(int attempts, String problem) {
    return new PublishResult(
        PublishResult.Outcome.FAILED,
        Optional.empty(),
        attempts,
        "report not published to " + where() + ": " + problem);
  }

  private String where() {
    return remoteForMessages + " branch " + settings.target().branch();
  }

  private void logOnStateChange(Report report, PublishResult result) {
    if (result.failed()) {
      if (!result.message().equals(lastFailure)) {
        LOG.warn("{} (cluster {})", result.message(), report.cluster());
      }
      lastFailure = result.message();
      return;
    }
    if (!lastFailure.isEmpty()) {
      LOG.info(
          "report publishing recovered for cluster {}: {}", report.cluster(), result.message());
      lastFailure = "";
    } else if (result.outcome() == PublishResult.Outcome.COMMITTED) {
      LOG.info("status({}): {}", report.cluster(), result.message());
    }
  }

  private Git git() throws IOException, GitAPIException {
    if (folder == null) {
      String name =
          WorkFolder.nameFor(settings.target().remote() + "#" + settings.target().branch());
      folder = WorkFolder.claim(settings.workDir(), name, FOLDER_WAIT);
    }
    if (git == null) {
      File dir = folder.dir().toFile();
      git =
          new File(dir, "HEAD").isFile()
              ? Git.open(dir)
              : Git.init()
                  .setBare(true)
                  .setDirectory(dir)
                  .setInitialBranch(settings.target().branch())
                  .call();
    }
    return git;
  }

  private org.eclipse.jgit.lib.Repository repository() throws IOException, GitAPIException {
    return git().getRepository();
  }

  private void closeGit() {
    if (git != null) {
      git.close();
      git = null;
    }
  }

  /** Closes the clone and releases this process's claim on its folder (which stays for reuse). */
  @Override
  public synchronized void close() {
    closeGit();
    if (folder != null) {
      folder.close();
      folder = null;
    }
  }
}
