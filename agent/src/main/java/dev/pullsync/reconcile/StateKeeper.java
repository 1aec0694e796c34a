package dev.pullsync.reconcile;

import dev.pullsync.live.InstanceState;
import dev.pullsync.live.StateStore;
import dev.pullsync.live.StoredSpec;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * The instance's state in the cluster ({@link StateStore}): read once (again on the next call while
 * the API fails), written when the enforced revision changes or a fingerprint salt was created. A
 * read-only keeper (agent-wide report mode, {@code plan}) never writes.
 */
final class StateKeeper {
  private static final int SALT_BYTES = 32;

  private final StateStore store;
  private final boolean writable;
  private final SecureRandom random;
  private InstanceState state;
  private boolean saltUnsaved;

  StateKeeper(StateStore store, boolean writable, SecureRandom random) {
    this.store = Objects.requireNonNull(store, "store");
    this.writable = writable;
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A keeper with nothing stored and nothing written. */
  static StateKeeper none() {
    return new StateKeeper(StateStore.NONE, false, new SecureRandom());
  }

  /** The stored revision, if any (throws while the cluster cannot be read). */
  synchronized Optional<StoredSpec> stored() {
    return state().revision();
  }

  /**
   * The salt credential fingerprints are keyed with: the stored one, or a new random one, created
   * once and stored with the next {@link #keep}.
   */
  synchronized byte[] salt() {
    InstanceState current = state();
    if (current.fingerprintSalt().length == 0) {
      byte[] salt = new byte[SALT_BYTES];
      random.nextBytes(salt);
      state = new InstanceState(current.revision(), salt);
      saltUnsaved = true;
    }
    return state.fingerprintSalt();
  }

  /** True when the salt in use was created by this process and is not stored yet. */
  synchronized boolean saltIsNew() {
    return saltUnsaved;
  }

  /** True when {@code revision} is the stored one and there is nothing else to store. */
  synchronized boolean holds(String revision) {
    return !saltUnsaved
        && state().revision().map(StoredSpec::revision).filter(revision::equals).isPresent();
  }

  /** Stores {@code spec} (with the salt in use); nothing when read-only. */
  synchronized void keep(StoredSpec spec) {
    if (!writable) {
      return;
    }
    InstanceState next = state().withRevision(spec);
    store.save(next);
    state = next;
    saltUnsaved = false;
  }

  private InstanceState state() {
    if (state == null) {
      state = store.load().orElse(new InstanceState(Optional.empty(), new byte[0]));
    }
    return state;
  }
}
