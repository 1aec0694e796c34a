package dev.pullsync.live;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One informer's cache as the reconcile reads it, corrected by the last re-list. A watch that
 * silently missed an event (a DELETE while it was cut, resumed from an old resourceVersion that the
 * server did not replay) leaves the cache wrong for good; a re-list (one LIST) shows what is really
 * there. Each difference is kept as a correction that holds only while the cache still shows the
 * stale state it corrects: as soon as an event changes that object, the cache is right again and
 * wins. Corrections are computed only for objects no event touched during the LIST, so a LIST older
 * than an event never overrides it.
 */
final class CorrectedCache<T extends HasMetadata> {
  private final SharedIndexInformer<T> informer;
  private volatile Map<String, Correction<T>> corrections = Map.of();
  private volatile long relists;

  /**
   * The cache said {@code staleVersion} (null: absent); the LIST said {@code listed} (null: gone).
   */
  private record Correction<T>(String staleVersion, T listed) {}

  CorrectedCache(SharedIndexInformer<T> informer) {
    this.informer = informer;
  }

  /** The cache's resourceVersion of every object, taken just before a LIST. */
  Map<String, String> versions() {
    Map<String, String> out = new HashMap<>();
    for (T item : informer.getStore().list()) {
      out.put(informer.getStore().getKey(item), item.getMetadata().getResourceVersion());
    }
    return out;
  }

  /**
   * Compares a LIST with the cache as it was before the LIST ({@code before}) and now.
   *
   * @return how many objects the cache had wrong (missed creates, updates and deletes)
   */
  int relisted(List<T> listed, Map<String, String> before) {
    Map<String, Correction<T>> next = new HashMap<>();
    Map<String, String> missing = new HashMap<>(before);
    for (T item : listed) {
      String key = informer.getStore().getKey(item);
      String was = missing.remove(key);
      String version = item.getMetadata().getResourceVersion();
      if (untouched(key, was) && !Objects.equals(was, version)) {
        next.put(key, new Correction<>(was, item));
      }
    }
    for (Map.Entry<String, String> gone : missing.entrySet()) {
      if (untouched(gone.getKey(), gone.getValue())) {
        next.put(gone.getKey(), new Correction<>(gone.getValue(), null));
      }
    }
    if (!next.isEmpty() || !corrections.isEmpty()) {
      relists++; // the corrected view changed without an event
    }
    corrections = Map.copyOf(next);
    return next.size();
  }

  private boolean untouched(String key, String versionBefore) {
    return Objects.equals(versionBefore, version(informer.getStore().getByKey(key)));
  }

  /**
   * A hash of what this cache shows: every object's key and resourceVersion, and the re-lists that
   * corrected it. Equal hashes mean the same content (an object at a resourceVersion never
   * changes); reading the objects themselves costs far more.
   */
  long contentHash() {
    long sum = relists * 0x9E3779B97F4A7C15L;
    for (T item : informer.getStore().list()) {
      var meta = item.getMetadata();
      long h =
          31L * (31L * Objects.hashCode(meta.getNamespace()) + Objects.hashCode(meta.getName()))
              + Objects.hashCode(meta.getResourceVersion());
      sum += mix(h);
    }
    return sum;
  }

  /** SplitMix64's finaliser: spreads each object's hash before the order-free sum. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Every object. */
  List<T> list() {
    return correct(informer.getStore().list(), null);
  }

  /** The objects in {@code scope}'s namespaces, or all of them when empty. */
  List<T> inScope(Optional<Set<String>> scope) {
    if (scope.isEmpty()) {
      return list();
    }
    List<T> out = new ArrayList<>();
    for (String ns : scope.get()) {
      out.addAll(correct(informer.getIndexer().byIndex(Cache.NAMESPACE_INDEX, ns), ns));
    }
    return out;
  }

  /** The object with this cache key ({@code namespace/name}, or {@code name}), or null. */
  T getByKey(String key) {
    T cached = informer.getStore().getByKey(key);
    Correction<T> c = corrections.get(key);
    return c != null && Objects.equals(c.staleVersion(), version(cached)) ? c.listed() : cached;
  }

  private List<T> correct(List<T> cached, String namespace) {
    Map<String, Correction<T>> now = corrections;
    if (now.isEmpty()) {
      return cached;
    }
    List<T> out = new ArrayList<>(cached.size());
    for (T item : cached) {
      Correction<T> c = now.get(informer.getStore().getKey(item));
      if (c == null || !Objects.equals(c.staleVersion(), version(item))) {
        out.add(item);
      } else if (c.listed() != null) {
        out.add(c.listed());
      }
    }
    for (Map.Entry<String, Correction<T>> e : now.entrySet()) {
      T listed = e.getValue().listed();
      if (e.getValue().staleVersion() == null
          && listed != null
          && (namespace == null || namespace.equals(listed.getMetadata().getNamespace()))
          && informer.getStore().getByKey(e.getKey()) == null) {
        out.add(listed);
      }
    }
    return out;
  }

  private static String version(HasMetadata item) {
    return item == null ? null : item.getMetadata().getResourceVersion();
  }
}
