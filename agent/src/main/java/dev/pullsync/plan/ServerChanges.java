package dev.pullsync.plan;

import dev.pullsync.desired.Desired;
import dev.pullsync.desired.DesiredSecret;
import dev.pullsync.desired.DockerConfig;
import dev.pullsync.desired.Ownership;
import dev.pullsync.live.Live;
import dev.pullsync.live.LiveSecret;
import dev.pullsync.unseal.Credential;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the servers a plan would send credentials to for the first time: a server a desired Secret
 * carries that no managed Secret in view carries yet (a Registry's {@code server} changed, a
 * Registry was added, or a first rollout), with the servers the same Secrets carry now and would no
 * longer. Pure; never reads a credential value.
 */
final class ServerChanges {
  private ServerChanges() {}

  static List<Plan.ServerChange> of(Desired desired, Live live) {
    // One parse per distinct data: a converged cluster's thousands of Secrets hold a few payloads.
    Map<Credential, Set<String>> parsed = new HashMap<>();
    Set<String> known = new TreeSet<>();
    for (LiveSecret secret : live.secrets().values()) {
      if (secret.managed()) {
        known.addAll(parsed.computeIfAbsent(secret.data(), ServerChanges::servers));
      }
    }
    Map<String, Set<String>> replaced = new TreeMap<>();
    for (DesiredSecret want : desired.secrets()) {
      LiveSecret have = live.secrets().get(want.ref());
      Set<String> before =
          have == null || !have.managed()
              ? Set.of()
              : parsed.computeIfAbsent(have.data(), ServerChanges::servers);
      for (String server : want.servers()) {
        if (!before.contains(server) && !known.contains(server)) {
          Set<String> gone = replaced.computeIfAbsent(server, s -> new TreeSet<>());
          before.stream().filter(s -> !want.servers().contains(s)).forEach(gone::add);
        }
      }
    }
    List<Plan.ServerChange> out = new ArrayList<>();
    replaced.forEach((server, gone) -> out.add(new Plan.ServerChange(server, List.copyOf(gone))));
    return out;
  }

  private static Set<String> servers(Credential data) {
    if (!data.has(Ownership.DOCKER_CONFIG_KEY)) {
      return Set.of();
    }
    try {
      return Collections.unmodifiableSet(
          new TreeSet<>(DockerConfig.entries(data.bytes(Ownership.DOCKER_CONFIG_KEY)).keySet()));
    } catch (IllegalArgumentException e) {
      return Set.of();
    }
  }
}
