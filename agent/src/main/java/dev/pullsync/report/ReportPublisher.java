package dev.pullsync.report;

import dev.pullsync.source.DamagedFolderException;
import dev.pullsync.source.GitAuth;
import dev.pullsync.source.RedactedUrl;
import dev.pullsync.source.WorkFolder;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
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
 * <p>The bare clone ({@link ReportClone}) lives in a {@link WorkFolder} this process holds alone,
 * so several processes on one host never share refs; a clone a killed process left damaged is
 * replaced by a fresh one.
 */
public final class ReportPublisher implements Reporter, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReportPublisher.class);
  private static final int MAX_TRANSPORT_ATTEMPTS = 3;
  private static final java.util.regex.Pattern FILE_NAME =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final PublisherSettings settings;
  private final GitAuth auth;
  private final Clock clock;
  private final RandomGenerator random;
  private final ReportCommitter committer;
  private final ReportClone clone;
  private final String remoteForMessages;
  private String lastFailure = "";
  private String lastRepair = "";

  public ReportPublisher(
      PublisherSettings settings, GitAuth auth, Clock clock, RandomGenerator random) {
    this.settings = settings;
    this.auth = auth;
    this.clock = clock;
    this.random = random;
    this.committer = new ReportCommitter(settings.target());
    this.clone = new ReportClone(settings, auth);
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
      LOG.warn("{}; cloning afresh into {}", failed.message(), clone.dir());
    }
    lastRepair = failed.message();
    clone.reset();
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
        ObjectId tip = clone.fetchTip();
        Optional<ObjectId> commit =
            committer.commitOnto(clone.repository(), tip, report, files, author());
        if (commit.isEmpty()) {
          return new PublishResult(
              PublishResult.Outcome.UNCHANGED, Optional.empty(), attempt, "report unchanged");
        }
        RemoteRefUpdate.Status status = clone.push(commit.get());
        if (status == RemoteRefUpdate.Status.OK) { // the remote confirmed this exact commit
          clone.housekeeping();
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

  /** Closes the clone and releases this process's claim on its folder (which stays for reuse). */
  @Override
  public synchronized void close() {
    clone.close();
  }
}
