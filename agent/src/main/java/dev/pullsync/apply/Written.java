package dev.pullsync.apply;

import dev.pullsync.desired.Ref;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resourceVersions one apply's writes returned (empty for a delete), so the applier can wait
 * until the informer caches hold them: the next reconcile then plans from caches that include our
 * own writes and sends nothing for them. Thread-safe.
 */
final class Written {
  final Map<Ref, String> secrets = new ConcurrentHashMap<>();
  final Map<Ref, String> serviceAccounts = new ConcurrentHashMap<>();

  void secret(Ref ref, HasMetadata result) {
    secrets.put(ref, version(result));
  }

  void secretDeleted(Ref ref) {
    secrets.put(ref, "");
  }

  void serviceAccount(Ref ref, HasMetadata result) {
    serviceAccounts.put(ref, version(result));
  }

  boolean isEmpty() {
    return secrets.isEmpty() && serviceAccounts.isEmpty();
  }

  private static String version(HasMetadata result) {
    String v = result == null ? null : result.getMetadata().getResourceVersion();
    return v == null ? "0" : v;
  }
}
