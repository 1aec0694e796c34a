package dev.pullsync.live;

import dev.pullsync.desired.Desired;
import dev.pullsync.desired.DesiredLink;
import dev.pullsync.desired.Instance;
import dev.pullsync.desired.Ownership;
import dev.pullsync.desired.Ref;
import dev.pullsync.unseal.Credential;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@link Live} state a published inventory describes, for planning a pull request without the
 * cluster (pure: no client is used). The inventory holds no Secret data, so the caller says what
 * each of our paired Secrets holds ({@link Content}, decided by comparing sources); every other
 * Secret is planned from its labels alone. Foreign Secrets the inventory names are foreign here.
 */
public final class InventoryLive {
  private InventoryLive() {}

  /** What one of our Secrets is taken to hold: its data (a stand-in) and fingerprint. */
  public record Content(Credential data, String fingerprint) {}

  /**
   * The live state of {@code listing} as {@code instance} sees it, for {@code desired}.
   *
   * @param contents per Secret, what it is taken to hold; absent ones hold nothing known
   */
  public static Live of(
      ClusterListing listing, Instance instance, Desired desired, Map<Ref, Content> contents) {
    Map<Ref, LiveSecret> secrets = new HashMap<>();
    int owned = 0;
    for (ClusterListing.ManagedSecret s : listing.managedSecrets()) {
      Ref ref = new Ref(s.namespace(), s.name());
      Content content = contents.get(ref);
      LiveSecret live = managed(s, content);
      secrets.put(ref, live);
      if (live.owner(instance) == Ownership.Owner.OURS) {
        owned++;
      }
    }
    for (ClusterListing.ForeignSecret f : listing.foreignSecrets()) {
      Ref ref = new Ref(f.namespace(), f.name());
      secrets.putIfAbsent(
          ref,
          new LiveSecret(
              ref, "", Credential.of(Map.of()), Map.of(), Map.of(), "", false, "", false));
    }
    Set<Ref> wanted =
        desired.links().stream().map(DesiredLink::serviceAccount).collect(Collectors.toSet());
    Map<Ref, LiveServiceAccount> accounts = new HashMap<>();
    int linked = 0;
    for (ClusterListing.Namespace ns : listing.namespaces()) {
      for (ClusterListing.ServiceAccount sa : ns.serviceAccounts()) {
        Ref ref = new Ref(ns.name(), sa.name());
        LiveServiceAccount live = serviceAccount(ref, sa);
        linked += live.ownedEntries(instance).size();
        boolean ours =
            sa.pullsyncEntries().containsKey(instance.name())
                || sa.pullsyncEntries().containsKey("");
        if (wanted.contains(ref) || (ours && desired.covers(ns.name()))) {
          accounts.put(ref, live);
        }
      }
    }
    return new Live(secrets, accounts, owned, linked);
  }

  private static LiveSecret managed(ClusterListing.ManagedSecret s, Content content) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(Ownership.MANAGED_BY_LABEL, Ownership.MANAGED_BY_VALUE);
    put(labels, Ownership.INSTANCE_LABEL, s.instance());
    put(labels, Ownership.PULL_SECRET_LABEL, s.pullSecret());
    Map<String, String> annotations = new TreeMap<>();
    annotations.put(Ownership.MADE_FOR, s.namespace());
    put(annotations, Ownership.SOURCE_REVISION, s.sourceRevision());
    put(
        annotations,
        Ownership.FINGERPRINT,
        content == null ? s.fingerprint() : content.fingerprint());
    Credential data = content == null ? Credential.of(Map.of()) : content.data();
    return new LiveSecret(
        new Ref(s.namespace(), s.name()), s.type(), data, labels, annotations, "", true, "", false);
  }

  /** The owned-entries annotations as the ServiceAccount carries them ("" is the legacy one). */
  private static LiveServiceAccount serviceAccount(Ref ref, ClusterListing.ServiceAccount sa) {
    Map<String, String> annotations = new TreeMap<>();
    sa.pullsyncEntries()
        .forEach(
            (owner, entries) ->
                annotations.put(
                    owner.isEmpty() ? Ownership.OWNED_PULL_SECRETS : Ownership.OWNED_PREFIX + owner,
                    Ownership.ownedAnnotation(entries)));
    return new LiveServiceAccount(ref, sa.imagePullSecrets(), annotations, "");
  }

  private static void put(Map<String, String> map, String key, String value) {
    if (!value.isEmpty()) {
      map.put(key, value);
    }
  }
}
