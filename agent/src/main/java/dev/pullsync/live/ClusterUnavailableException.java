package dev.pullsync.live;

/**
 * A retryable failure: the cluster could not be read (caches did not sync, API unreachable). The
 * message names the resource and the API status, never an object's content.
 */
public final class ClusterUnavailableException extends RuntimeException {
  public ClusterUnavailableException(String message) {
    super(message, null, false, false);
  }
}
