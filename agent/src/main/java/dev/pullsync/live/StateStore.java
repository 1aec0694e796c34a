package dev.pullsync.live;

import java.util.Optional;

/**
 * The port through which the reconcile stage keeps its {@link InstanceState} in the cluster. One
 * object per instance, in the agent's own namespace; {@link SecretStateStore} is the Kubernetes
 * implementation. Both methods may throw a runtime exception when the API cannot be reached (a
 * retryable failure for the caller).
 */
public interface StateStore {
  /** The stored state, or empty when this instance never stored one. */
  Optional<InstanceState> load();

  /**
   * Stores {@code state}, replacing what was there.
   *
   * @throws StateTooLargeException when it does not fit one Kubernetes object
   */
  void save(InstanceState state);

  /** No store: nothing is loaded, nothing kept (tests and one-off commands without a cluster). */
  StateStore NONE =
      new StateStore() {
        @Override
        public Optional<InstanceState> load() {
          return Optional.empty();
        }

        @Override
        public void save(InstanceState state) {}
      };
}
