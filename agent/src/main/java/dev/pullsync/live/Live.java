package dev.pullsync.live;

import dev.pullsync.desired.Ref;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the cluster holds, as far as one desired state cares: the pullsync Secrets in scope (ours
 * and other instances'), foreign Secrets that carry a desired name or that one of our entries
 * names, and the ServiceAccounts that are linked or should be. {@code managedSecrets} counts every
 * Secret this instance owns in the whole cluster and {@code linkedEntries} every imagePullSecrets
 * entry its annotations list: the deletion guard's two bases.
 */
public record Live(
    Map<Ref, LiveSecret> secrets,
    Map<Ref, LiveServiceAccount> serviceAccounts,
    int managedSecrets,
    int linkedEntries) {
  public Live {
    secrets = Collections.unmodifiableSortedMap(new TreeMap<>(secrets));
    serviceAccounts = Collections.unmodifiableSortedMap(new TreeMap<>(serviceAccounts));
  }
}
