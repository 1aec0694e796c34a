package dev.pullsync.live;

import dev.pullsync.desired.Ref;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * What {@link ClusterView} remembers of foreign Secrets: names a create found taken (409) by a
 * Secret that is not ours, each read once and then taken to be there as it was for {@link
 * #RECHECK}, so the migration case (hand-made Secrets everywhere, {@code adopt: never}) costs no
 * request per tick. A counter of changes feeds the view's content hash.
 */
final class ForeignSecrets {
  /** How long a foreign Secret, once read, is taken to be still there as it was. */
  static final Duration RECHECK = Duration.ofHours(1);

  /** A foreign Secret as last read (empty: not read yet), and when (System.nanoTime). */
  private record Remembered(Optional<LiveSecret> secret, long readAt) {}

  private final Map<Ref, Remembered> known = new ConcurrentHashMap<>();

  /** Bumped by every read and every change of what is remembered. */
  private final AtomicLong changes = new AtomicLong();

  /** How many times what is remembered (or what a read could return) changed. */
  long changes() {
    return changes.get();
  }

  /** Something was read that may differ next time. */
  void changed() {
    changes.incrementAndGet();
  }

  /** Names found taken by a foreign Secret, not read yet. */
  void remember(Collection<Ref> refs) {
    refs.forEach(
        ref -> {
          if (known.putIfAbsent(ref, new Remembered(Optional.empty(), 0)) == null) {
            changes.incrementAndGet();
          }
        });
  }

  /** A foreign Secret just read. */
  void remember(Ref ref, LiveSecret found) {
    known.put(ref, new Remembered(Optional.of(found), System.nanoTime()));
    changes.incrementAndGet();
  }

  /** The remembered names, sorted. */
  List<Ref> refs() {
    return known.keySet().stream().sorted().toList();
  }

  /**
   * The Secret at a desired name missing from our cache: the remembered copy while it is fresh,
   * else read with {@code lookUp} when the name is remembered or {@code lookUpMissing}; a name
   * found free (or holding our Secret) is forgotten.
   */
  Optional<LiveSecret> find(
      Ref ref, boolean lookUpMissing, long now, Function<Ref, Optional<LiveSecret>> lookUp) {
    Remembered was = known.get(ref);
    if (was != null
        && was.secret().isPresent()
        && !lookUpMissing
        && now - was.readAt() < RECHECK.toNanos()) {
      return was.secret();
    }
    if (was == null && !lookUpMissing) {
      return Optional.empty();
    }
    Optional<LiveSecret> found = lookUp.apply(ref);
    if (found.isEmpty() || found.get().managed()) {
      known.remove(ref);
    } else if (was != null) {
      known.put(ref, new Remembered(found, now));
    }
    return found;
  }
}
