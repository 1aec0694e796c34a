package dev.pullsync.live;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The last good revision's spec as kept in the cluster: its YAML files exactly as committed (sealed
 * values stay sealed; nothing decrypted is ever stored), keyed by their path under the spec root.
 *
 * @param revision how the revision is named everywhere ({@code <branch>@sha1:<commit>})
 * @param commit the full commit id
 * @param storedAt when this agent stored it
 */
public record StoredSpec(
    String revision, String commit, Instant storedAt, Map<String, String> files) {
  public StoredSpec {
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(storedAt, "storedAt");
    files = Map.copyOf(new TreeMap<>(files));
  }

  /** How many bytes the files take, UTF-8. */
  public long size() {
    return files.entrySet().stream()
        .mapToLong(
            e ->
                e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    + e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .sum();
  }
}
