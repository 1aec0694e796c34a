package dev.pullsync.plan;

import dev.pullsync.desired.DesiredSecret;
import dev.pullsync.desired.DockerConfig;
import dev.pullsync.desired.Ownership;
import dev.pullsync.live.LiveSecret;
import dev.pullsync.unseal.Fingerprinter;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * What differs between a desired and a live Secret, in words that name keys, registries, labels and
 * annotations but never a value. The source-revision annotation alone is not a difference: a commit
 * that changes nothing for a Secret does not rewrite it.
 */
final class SecretDiff {
  private SecretDiff() {}

  /** The differences; empty when the live Secret already matches. */
  static List<String> between(DesiredSecret desired, LiveSecret live) {
    List<String> out = new ArrayList<>();
    if (!desired.type().equals(live.type())) {
      out.add("type is " + (live.type().isEmpty() ? "unset" : live.type()));
    }
    List<String> data = dataDifferences(desired, live);
    out.addAll(data);
    for (Map.Entry<String, String> label : new java.util.TreeMap<>(desired.labels()).entrySet()) {
      if (!label.getValue().equals(live.labels().get(label.getKey()))) {
        out.add("label " + label.getKey() + " differs");
      }
    }
    String fingerprint = desired.annotations().getOrDefault(Ownership.FINGERPRINT, "");
    String liveFingerprint = live.annotations().get(Ownership.FINGERPRINT);
    // A v1 print (keyed by the key ring, before the salted scheme) on equal data is left as it
    // is: rewriting it would touch every Secret once on upgrade. It is replaced on the next change.
    boolean stale =
        !fingerprint.equals(liveFingerprint)
            && !(Fingerprinter.isLegacy(liveFingerprint) && !Fingerprinter.isLegacy(fingerprint));
    if (data.isEmpty() && stale) {
      out.add("annotation " + Ownership.FINGERPRINT + " differs");
    }
    return out;
  }

  private static List<String> dataDifferences(DesiredSecret desired, LiveSecret live) {
    if (!desired.isDockerConfig()) {
      return keyDifferences(desired, live);
    }
    List<String> out = new ArrayList<>();
    String key = Ownership.DOCKER_CONFIG_KEY;
    for (String extra : new TreeSet<>(live.data().keys())) {
      if (!extra.equals(key)) {
        out.add("unexpected key " + extra);
      }
    }
    if (!live.data().has(key)) {
      out.add("key " + key + " missing");
    } else if (!desired.data().sameEntry(live.data(), key)) {
      out.addAll(registryDifferences(desired.data().bytes(key), live.data().bytes(key)));
    }
    return out;
  }

  /** A basic-auth or Opaque Secret: which keys are missing, unexpected or hold other bytes. */
  private static List<String> keyDifferences(DesiredSecret desired, LiveSecret live) {
    List<String> out = new ArrayList<>();
    for (String extra : new TreeSet<>(live.data().keys())) {
      if (!desired.data().has(extra)) {
        out.add("unexpected key " + extra);
      }
    }
    for (String key : desired.data().keys()) {
      if (!live.data().has(key)) {
        out.add("key " + key + " missing");
      } else if (!desired.data().sameEntry(live.data(), key)) {
        out.add("key " + key + " differs");
      }
    }
    return out;
  }

  private static List<String> registryDifferences(byte[] desiredJson, byte[] liveJson) {
    SortedMap<String, byte[]> want = DockerConfig.entries(desiredJson);
    SortedMap<String, byte[]> have;
    try {
      have = DockerConfig.entries(liveJson);
    } catch (IllegalArgumentException e) {
      return List.of("key .dockerconfigjson is not a valid docker config");
    }
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, byte[]> w : want.entrySet()) {
      byte[] h = have.get(w.getKey());
      if (h == null) {
        out.add("registry " + w.getKey() + " missing");
      } else if (!MessageDigest.isEqual(h, w.getValue())) {
        out.add("registry " + w.getKey() + " credential differs");
      }
    }
    for (String server : have.keySet()) {
      if (!want.containsKey(server)) {
        out.add("registry " + server + " not in spec");
      }
    }
    if (out.isEmpty()) {
      out.add("key .dockerconfigjson differs in layout only");
    }
    return out;
  }
}
