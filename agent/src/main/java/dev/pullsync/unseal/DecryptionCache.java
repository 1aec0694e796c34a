package dev.pullsync.unseal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Remembers the outcome of opening each (ciphertext, label) pair, keyed by the SHA-256 of both, so
 * a periodic reconcile of an unchanged spec does no RSA work. Bounded (least recently used entries
 * are dropped) and thread-safe. Failures are remembered too: the same bytes with the same keys
 * cannot start to decrypt.
 */
final class DecryptionCache {
  private final int capacity;
  private final Map<String, Optional<KeyRing.Opened>> entries;

  DecryptionCache(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true);
  }

  /**
   * The plaintext (and the key that opened it) for {@code sealed} under {@code label}: cached, or
   * computed once by {@code open}, which returns empty when no key opens it. Returned arrays are
   * copies.
   */
  Optional<KeyRing.Opened> get(
      byte[] sealed, String label, Supplier<Optional<KeyRing.Opened>> open) {
    String key = keyOf(sealed, label);
    synchronized (entries) {
      Optional<KeyRing.Opened> hit = entries.get(key);
      if (hit != null) {
        return hit.map(DecryptionCache::copy);
      }
    }
    Optional<KeyRing.Opened> result = open.get();
    synchronized (entries) {
      entries.put(key, result.map(DecryptionCache::copy));
      if (entries.size() > capacity) {
        entries.remove(entries.keySet().iterator().next());
      }
    }
    return result;
  }

  private static KeyRing.Opened copy(KeyRing.Opened o) {
    return new KeyRing.Opened(o.plaintext().clone(), o.key());
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  private static String keyOf(byte[] sealed, String label) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(sealed);
      return HexFormat.of().formatHex(md.digest()) + "\n" + label;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  @Override
  public String toString() {
    return "DecryptionCache[" + size() + " entries]";
  }
}
