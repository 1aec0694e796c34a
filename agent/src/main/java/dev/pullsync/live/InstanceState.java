package dev.pullsync.live;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What one agent instance keeps in its own namespace between restarts: the last good revision's
 * spec (sealed values only) and the random salt its credential fingerprints are keyed with. Not a
 * record: {@link #toString} never shows the salt.
 */
public final class InstanceState {
  private final Optional<StoredSpec> revision;
  private final byte[] fingerprintSalt;

  public InstanceState(Optional<StoredSpec> revision, byte[] fingerprintSalt) {
    this.revision = Objects.requireNonNull(revision, "revision");
    this.fingerprintSalt = fingerprintSalt.clone();
  }

  /** The last good revision stored, if any. */
  public Optional<StoredSpec> revision() {
    return revision;
  }

  /** A copy of the fingerprint salt; empty when none was stored yet (state from before it). */
  public byte[] fingerprintSalt() {
    return fingerprintSalt.clone();
  }

  /** This state with {@code spec} as the stored revision. */
  public InstanceState withRevision(StoredSpec spec) {
    return new InstanceState(Optional.of(spec), fingerprintSalt);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InstanceState s
        && s.revision.equals(revision)
        && Arrays.equals(s.fingerprintSalt, fingerprintSalt);
  }

  @Override
  public int hashCode() {
    return revision.hashCode();
  }

  @Override
  public String toString() {
    return "InstanceState[" + revision.map(StoredSpec::revision).orElse("no revision") + "]";
  }
}
