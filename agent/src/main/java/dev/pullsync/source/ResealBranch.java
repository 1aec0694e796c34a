package dev.pullsync.source;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefLeaseSpec;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a key renewal, offers the spec's values re-sealed for the active key as a branch of the
 * spec's remote, {@code pullsync/reseal-<key id>}, for a pull request. The branch is always one
 * commit on top of the spec commit the values were read from. It is pushed once per key id and spec
 * commit: while its tip already sits on that commit nothing is pushed; when the spec moves, a new
 * commit on top of the new spec commit replaces it (a push with lease on the tip seen, so a
 * concurrent change is never overwritten; a tip someone else committed is left alone). The spec
 * branch is never a push target: {@link #branchFor} refuses to name it, and the only push refspec
 * is built from that name. A failed push is returned (and logged once per change of state) and
 * retried after a backoff ({@link PushBackoff}), never thrown.
 *
 * <p>The bare clone lives in a {@link WorkFolder} of its own beside the source's.
 */
public final class ResealBranch implements AutoCloseable {
  /** Every re-seal branch starts with this. */
  public static final String PREFIX = "pullsync/reseal-";

  private static final Logger LOG = LoggerFactory.getLogger(ResealBranch.class);
  private static final int TIMEOUT_SECONDS = 60;
  private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{8,64}");

  /** Gives the re-sealed files' new texts by spec-relative name, reading the committed ones. */
  @FunctionalInterface
  public interface Rewrite {
    Map<String, String> apply(Function<String, String> read);
  }

  /** A re-seal that cannot be made (its message says where and why, never a value). */
  public static final class CannotRewrite extends RuntimeException {
    public CannotRewrite(String message) {
      super(message);
    }
  }

  /** What an offer did. */
  public enum Status {
    /** A commit was pushed to the branch. */
    PUSHED,
    /** The branch already holds the re-sealed values of this spec commit: nothing pushed. */
    CURRENT,
    /** Nothing to re-seal. */
    NOTHING,
    /** Not pushed now; retried after the backoff. */
    FAILED
  }

  /**
   * @param message a report line: where the branch is, or why it was not pushed; "" for NOTHING
   */
  public record Outcome(Status status, String branch, String message) {}

  private final SourceOptions options;
  private final String url;
  private final String authorName;
  private final String authorEmail;
  private final Clock clock;
  private final BareClone clone;
  private final PushBackoff backoff;

  public ResealBranch(SourceOptions options, String authorName, String authorEmail, Clock clock) {
    this.options = Objects.requireNonNull(options, "options");
    this.url = GitSource.urlOf(options.repo());
    this.authorName = Objects.requireNonNull(authorName, "authorName");
    this.authorEmail = Objects.requireNonNull(authorEmail, "authorEmail");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.backoff = new PushBackoff(clock);
    this.clone = new BareClone(options.workDir(), WorkFolder.nameFor(url + "#reseal"), "reseal");
  }

  /**
   * {@code pullsync/reseal-<keyId>}.
   *
   * @throws IllegalArgumentException when {@code keyId} is no hex id, or the name is the spec
   *     branch itself (never pushed to)
   */
  public static String branchFor(String keyId, String specBranch) {
    if (!KEY_ID.matcher(keyId).matches()) {
      throw new IllegalArgumentException("'" + keyId + "' is not a key id (8-64 hex digits)");
    }
    String branch = PREFIX + keyId;
    String spec = specBranch.startsWith("refs/heads/") ? specBranch.substring(11) : specBranch;
    if (branch.equals(spec)) {
      throw new IllegalArgumentException(
          "refusing to push re-sealed values to " + branch + ": it is the spec branch");
    }
    return branch;
  }

  /**
   * Makes sure {@code pullsync/reseal-<keyId>} holds {@code rewrite}'s files on top of {@code
   * baseCommit} (a commit of the spec branch), pushing only when it does not yet.
   */
  public synchronized Outcome offer(String baseCommit, String keyId, Rewrite rewrite) {
    String branch;
    try {
      branch = branchFor(keyId, options.branch());
    } catch (IllegalArgumentException e) {
      return failed(PREFIX + keyId, e.getMessage());
    }
    Optional<String> waiting = backoff.waiting();
    if (waiting.isPresent()) {
      return new Outcome(Status.FAILED, branch, waiting.get());
    }
    try {
      Outcome outcome = pushIfNeeded(branch, ObjectId.fromString(baseCommit), rewrite);
      backoff.succeeded("branch " + branch + " handled again");
      return outcome;
    } catch (CannotRewrite e) {
      return failed(branch, e.getMessage());
    } catch (GitAPIException | IOException | RuntimeException e) {
      if (DamagedFolderException.isLocal(e)) {
        clone.reset(); // a clone a kill left damaged: the next attempt clones afresh
      }
      return failed(branch, RedactedUrl.describe(e, options.auth().secrets()));
    }
  }

  private Outcome pushIfNeeded(String branch, ObjectId base, Rewrite rewrite)
      throws GitAPIException, IOException {
    String ref = "refs/heads/" + branch;
    Map<String, Ref> remote =
        configured(git().lsRemote().setRemote(url).setHeads(true)).callAsMap();
    ObjectId tip = Optional.ofNullable(remote.get(ref)).map(Ref::getObjectId).orElse(null);
    fetchMissing(branch, base, tip);
    Repository repo = git().getRepository();
    if (!repo.getObjectDatabase().has(base)) {
      throw new CannotRewrite(
          "commit " + base.name() + " is not on branch " + options.branch() + " of the remote");
    }
    try (RevWalk walk = new RevWalk(repo)) {
      if (tip != null) {
        RevCommit current = walk.parseCommit(tip);
        if (current.getParentCount() == 1 && current.getParent(0).equals(base)) {
          return new Outcome(Status.CURRENT, branch, current(branch));
        }
        if (!authorEmail.equals(current.getCommitterIdent().getEmailAddress())) {
          throw new CannotRewrite(
              "branch " + branch + " holds commits not made by pullsync; left alone");
        }
      }
      Optional<ObjectId> commit =
          ResealCommit.onto(
              repo, walk.parseCommit(base), options.path(), rewrite, author(), message(branch));
      if (commit.isEmpty()) {
        return new Outcome(Status.NOTHING, branch, "");
      }
      push(branch, commit.get(), tip);
      LOG.info("pushed re-sealed values to branch {} of {}", branch, RedactedUrl.of(url));
      return new Outcome(Status.PUSHED, branch, current(branch));
    }
  }

  /** Fetches the spec branch and the re-seal branch unless their commits are here already. */
  private void fetchMissing(String branch, ObjectId base, ObjectId tip)
      throws GitAPIException, IOException {
    Repository repo = git().getRepository();
    List<RefSpec> wanted = new ArrayList<>();
    if (!repo.getObjectDatabase().has(base)) {
      wanted.add(new RefSpec("+refs/heads/" + options.branch() + ":refs/remotes/spec/head"));
    }
    if (tip != null && !repo.getObjectDatabase().has(tip)) {
      wanted.add(new RefSpec("+refs/heads/" + branch + ":refs/remotes/reseal/" + branch));
    }
    if (!wanted.isEmpty()) {
      configured(git().fetch().setRemote(url)).setRefSpecs(wanted).call();
    }
  }

  /**
   * Pushes {@code commit} to the branch, replacing {@code expected} (the tip seen; none: the branch
   * must not exist yet). Anything but the remote's OK for that exact ref throws.
   */
  private void push(String branch, ObjectId commit, ObjectId expected)
      throws GitAPIException, IOException {
    String ref = "refs/heads/" + branch;
    ObjectId lease = expected == null ? ObjectId.zeroId() : expected;
    Iterable<PushResult> results =
        configured(git().push().setRemote(url))
            .setRefSpecs(new RefSpec(commit.name() + ":" + ref).setForceUpdate(true))
            .setRefLeaseSpecs(new RefLeaseSpec(ref, lease.name()))
            .call();
    for (PushResult result : results) {
      RemoteRefUpdate update = result.getRemoteUpdate(ref);
      if (update != null && update.getStatus() == RemoteRefUpdate.Status.OK) {
        return;
      }
      if (update != null) {
        String why = update.getMessage() == null ? "" : " (" + update.getMessage() + ")";
        throw new CannotRewrite("push rejected: " + update.getStatus() + why);
      }
    }
    throw new CannotRewrite("push rejected: the remote did not answer for " + ref);
  }

  private String current(String branch) {
    return "values re-sealed for the active key are on branch "
        + branch
        + "; open a pull request from it into "
        + options.branch();
  }

  private String message(String branch) {
    return "Re-seal values for the active sealing key\n\n"
        + "The sealed-secrets controller's active key changed; pullsync re-sealed the values\n"
        + "sealed with older keys for it, same scopes, changing only their ciphertexts.\n"
        + "Merge this into "
        + options.branch()
        + " (branch "
        + branch
        + ").\n";
  }

  private Outcome failed(String branch, String why) {
    String message =
        "re-sealed values not pushed to branch "
            + branch
            + " of "
            + RedactedUrl.of(url)
            + ": "
            + why
            + "; retrying with backoff";
    backoff.failed(message);
    return new Outcome(Status.FAILED, branch, message);
  }

  private PersonIdent author() {
    return new PersonIdent(authorName, authorEmail, clock.instant(), clock.getZone());
  }

  private <C extends TransportCommand<C, ?>> C configured(C command) {
    options.auth().configure(command);
    command.setTimeout(TIMEOUT_SECONDS);
    return command;
  }

  private Git git() throws IOException, GitAPIException {
    return clone.git();
  }

  /** Closes the clone and releases this process's claim on its folder (which stays for reuse). */
  @Override
  public synchronized void close() {
    clone.close();
  }
}
