package dev.pullsync.live;

import dev.pullsync.desired.Ref;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Waits until the (corrected) caches hold the resourceVersions our own writes returned. */
final class CacheCatchUp {
  private CacheCatchUp() {}

  static boolean await(
      CorrectedCache<Secret> secrets,
      Map<Ref, String> secretVersions,
      CorrectedCache<ServiceAccount> serviceAccounts,
      Map<Ref, String> serviceAccountVersions,
      Duration timeout) {
    Map<Ref, String> secretsLeft = new HashMap<>(secretVersions);
    Map<Ref, String> accountsLeft = new HashMap<>(serviceAccountVersions);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      secretsLeft.entrySet().removeIf(e -> caught(secrets, e.getKey(), e.getValue()));
      accountsLeft.entrySet().removeIf(e -> caught(serviceAccounts, e.getKey(), e.getValue()));
      if (secretsLeft.isEmpty() && accountsLeft.isEmpty()) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  private static boolean caught(CorrectedCache<?> cache, Ref ref, String version) {
    HasMetadata cached = cache.getByKey(ClusterView.key(ref));
    if (version.isEmpty()) {
      return cached == null;
    }
    if (cached == null) {
      return false;
    }
    String have = cached.getMetadata().getResourceVersion();
    if (version.equals(have)) {
      return true;
    }
    try {
      return Long.parseLong(have) >= Long.parseLong(version);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
