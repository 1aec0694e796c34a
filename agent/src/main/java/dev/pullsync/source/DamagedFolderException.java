package dev.pullsync.source;

import java.io.IOException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.LockFailedException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.PackInvalidException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.TrackingRefUpdate;

/**
 * The local clone in a work folder is unusable (a lock it cannot take, a missing or corrupt object,
 * a half-initialised repository), as opposed to the remote being unreachable or refusing us. Such a
 * folder is emptied and cloned afresh; a remote failure is retried with backoff instead. The
 * message is redacted like {@link SourceException}'s.
 */
public final class DamagedFolderException extends RuntimeException {
  public DamagedFolderException(String message) {
    super(RedactedUrl.scrub(message, java.util.List.of()), null, false, false);
  }

  /**
   * Whether {@code e} comes from the local repository: any failure except the remote's (transport
   * errors without a local cause, an invalid remote) and our own {@link SourceException}s (branch
   * missing, verification refused).
   */
  public static boolean isLocal(Throwable e) {
    if (e instanceof SourceException || e instanceof InvalidRemoteException) {
      return false;
    }
    if (e instanceof RepositoryNotFoundException) {
      return true; // thrown by opening our own clone, never by a fetch (that wraps it)
    }
    if (e instanceof TransportException
        || e instanceof org.eclipse.jgit.errors.TransportException) {
      return hasLocalCause(e);
    }
    return true;
  }

  private static boolean hasLocalCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LockFailedException
          || t instanceof CorruptObjectException
          || t instanceof MissingObjectException
          || t instanceof PackInvalidException
          || (t.getMessage() != null && t.getMessage().contains("Cannot lock"))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** A tracking ref the fetch could not write (a lock held, an I/O error) is local damage. */
  static void checkTrackingUpdates(FetchResult result) throws IOException {
    for (TrackingRefUpdate update : result.getTrackingRefUpdates()) {
      RefUpdate.Result r = update.getResult();
      if (r == RefUpdate.Result.LOCK_FAILURE
          || r == RefUpdate.Result.IO_FAILURE
          || r == RefUpdate.Result.REJECTED_OTHER_REASON) {
        throw new IOException("cannot update " + update.getLocalName() + " (" + r + ")");
      }
    }
  }
}
