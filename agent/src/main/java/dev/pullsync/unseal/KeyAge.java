package dev.pullsync.unseal;

import java.util.List;
import java.util.Optional;

/**
 * How many of a revision's sealed values were opened by a key older than the newest one in the ring
 * (the controller's active key, after a renewal). Such values keep working until the old key is
 * removed; {@code pullsync reseal} moves them to the new one.
 *
 * @param older values opened by an older key
 * @param newest the newest key's short id, or empty when the ring's keys carry no dates
 */
public record KeyAge(int older, Optional<String> newest) {
  /** Nothing known to be old. */
  public static final KeyAge NONE = new KeyAge(0, Optional.empty());

  static KeyAge of(KeyRing ring, List<SealingKey> openers) {
    Optional<SealingKey> newest = ring.newest();
    if (newest.isEmpty()) {
      return NONE;
    }
    byte[] id = newest.get().publicKeySha256();
    int older =
        (int)
            openers.stream().filter(k -> !java.util.Arrays.equals(k.publicKeySha256(), id)).count();
    return new KeyAge(older, Optional.of(newest.get().shortId()));
  }

  /** The report's notice, when some values are older than the active key. */
  public List<String> notices() {
    if (older == 0) {
      return List.of();
    }
    return List.of(
        older
            + (older == 1 ? " value" : " values")
            + " sealed with a key older than the active one ("
            + newest.orElse("")
            + "); run `pullsync reseal`");
  }
}
