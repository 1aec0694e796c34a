package dev.pullsync.live;

import dev.pullsync.desired.Ref;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the cluster holds, as far as one desired state cares: our Secrets in scope, foreign Secrets
 * that carry a desired name, and the ServiceAccounts that are linked or should be. {@code
 * managedSecrets} counts every Secret we manage in the whole cluster (the deletion guard's base).
 */
public record Live(
    Map<Ref, LiveSecret> secrets,
    Map<Ref, LiveServiceAccount> serviceAccounts,
    int managedSecrets) {
  public Live {
    secrets = Collections.unmodifiableSortedMap(new TreeMap<>(secrets));
    serviceAccounts = Collections.unmodifiableSortedMap(new TreeMap<>(serviceAccounts));
  }
}
