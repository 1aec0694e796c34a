package dev.pullsync.reconcile;

import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.Spec;
import dev.pullsync.unseal.Fingerprinter;
import dev.pullsync.unseal.KeyRing;
import dev.pullsync.unseal.SealingKey;
import dev.pullsync.unseal.Unsealed;
import dev.pullsync.unseal.Unsealer;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unseals each new revision with the current key ring: the key files plus the cluster's active
 * sealed-secrets keys, re-read once per new revision. The controller renews its key every 30 days
 * by default and values sealed after that use the new key, so they arrive in a new revision; the
 * cluster is asked then and only then (one LIST per new revision, none per reconcile). The
 * decryption cache is kept while the set of keys stays the same. When the cluster cannot be read,
 * the previous ring is used and the failure is logged once until it recovers; a value that no key
 * of that incomplete ring opens is then a {@link RetryableException} (the revision is tried again),
 * not a stalled revision: only a complete ring can tell that no key opens it.
 */
final class KeyRingRefresh implements Function<Spec, Unsealed> {
  private static final Logger LOG = LoggerFactory.getLogger(KeyRingRefresh.class);

  private final KeyRing fileKeys;
  private final Supplier<KeyRing> clusterKeys;
  private final String agentNamespace;
  private final Fingerprinter fingerprinter;
  private KeyRing ring;
  private List<String> keyIds;
  private Unsealer unsealer;
  private boolean clusterFailing;
  private String clusterFailure = "";

  /**
   * @param initial the ring read at start-up (files plus cluster), used until a re-read succeeds
   */
  KeyRingRefresh(
      KeyRing fileKeys, Supplier<KeyRing> clusterKeys, KeyRing initial, String agentNamespace) {
    this(fileKeys, clusterKeys, initial, agentNamespace, initial.fingerprinter());
  }

  /** As above, with the fingerprinter every unsealer shares (unchanged when the ring changes). */
  KeyRingRefresh(
      KeyRing fileKeys,
      Supplier<KeyRing> clusterKeys,
      KeyRing initial,
      String agentNamespace,
      Fingerprinter fingerprinter) {
    this.fingerprinter = Objects.requireNonNull(fingerprinter, "fingerprinter");
    this.fileKeys = Objects.requireNonNull(fileKeys, "fileKeys");
    this.clusterKeys = Objects.requireNonNull(clusterKeys, "clusterKeys");
    this.agentNamespace = Objects.requireNonNull(agentNamespace, "agentNamespace");
    this.ring = Objects.requireNonNull(initial, "initial");
  }

  @Override
  public synchronized Unsealed apply(Spec spec) {
    refresh();
    List<String> ids = ring.keys().stream().map(SealingKey::shortId).sorted().toList();
    if (!ids.equals(keyIds)) {
      if (keyIds != null) {
        LOG.info("key ring changed: now {} keys", ids.size());
      }
      keyIds = ids;
      unsealer = new Unsealer(ring, agentNamespace, fingerprinter);
    }
    try {
      return unsealer.unseal(spec);
    } catch (InvalidSpecException e) {
      if (clusterFailing && Unsealer.onlyMissingKeys(e)) {
        throw new RetryableException(
            "the sealed-secrets keys could not be re-read from the cluster ("
                + clusterFailure
                + "); "
                + e.problems().size()
                + " value(s) need a key not loaded yet");
      }
      throw e;
    }
  }

  /** The ring as last read (the one the newest revision was unsealed with). */
  synchronized KeyRing ring() {
    return ring;
  }

  private void refresh() {
    try {
      KeyRing fresh = fileKeys.plus(clusterKeys.get());
      if (!fresh.isEmpty()) {
        ring = fresh;
      }
      if (clusterFailing) {
        LOG.info("sealed-secrets keys readable from the cluster again");
        clusterFailing = false;
      }
    } catch (RuntimeException e) {
      clusterFailure = e.getClass().getSimpleName();
      if (!clusterFailing) {
        LOG.warn(
            "cannot re-read sealed-secrets keys from the cluster ({}); using the {} keys loaded"
                + " before",
            e.getClass().getSimpleName(),
            ring.keys().size());
        clusterFailing = true;
      }
    }
  }
}
