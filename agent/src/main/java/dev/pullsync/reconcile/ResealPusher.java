package dev.pullsync.reconcile;

import dev.pullsync.source.ResealBranch;
import dev.pullsync.spec.Problem;
import dev.pullsync.unseal.KeyRing;
import dev.pullsync.unseal.Resealer;
import dev.pullsync.unseal.SealingKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code reseal.pushBranch}: when the enforced revision holds values sealed with a key older than
 * the active one, re-seals them for the active key (the {@link Resealer} of {@code pullsync
 * reseal}, same scopes, only ciphertexts change) and has {@link ResealBranch} offer them on {@code
 * pullsync/reseal-<key id>}. Returns the report's line naming the branch, or why it was not pushed;
 * never throws, so a failed push never fails a reconcile. Plaintext lives only in memory, inside
 * the {@link Resealer}, which zeroes it.
 */
final class ResealPusher implements AutoCloseable {
  /** Off: no branch, no notice. */
  static final ResealPusher OFF = new ResealPusher(null, null, "");

  private final ResealBranch branch;
  private final Supplier<KeyRing> rings;
  private final String agentNamespace;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param rings the current key ring (the one revisions are unsealed with)
   */
  ResealPusher(ResealBranch branch, Supplier<KeyRing> rings, String agentNamespace) {
    this.branch = branch;
    this.rings = rings;
    this.agentNamespace = agentNamespace;
  }

  /** The report's notices about the re-seal branch for {@code good}; none when off or current. */
  List<String> notices(Revision good) {
    if (branch == null || good.stored() || good.unsealed().keyAge().older() == 0) {
      return List.of();
    }
    KeyRing ring = rings.get();
    Optional<SealingKey> active = ring.newest();
    if (active.isEmpty()) {
      return List.of();
    }
    Resealer resealer = new Resealer(ring, agentNamespace, random);
    ResealBranch.Outcome outcome =
        branch.offer(
            good.snapshot().commit(),
            active.get().shortId(),
            read -> {
              Resealer.Result result =
                  resealer.reseal(good.unsealed().spec(), active.get().publicKey(), read);
              if (!result.problems().isEmpty()) {
                throw new ResealBranch.CannotRewrite(
                    result.problems().stream()
                        .map(Problem::toString)
                        .collect(Collectors.joining("; ")));
              }
              return result.texts();
            });
    return outcome.message().isEmpty() ? List.of() : List.of(outcome.message());
  }

  @Override
  public void close() {
    if (branch != null) {
      branch.close();
    }
  }
}
