package dev.pullsync.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullsync.testkit.MockCluster;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A revision whose spec files do not fit one Kubernetes object (1 MiB) is refused with a message
 * naming the revision, its size, the limit and the Secret; nothing is written, and the revision
 * stored before stays. One that fits round-trips with its salt.
 */
class RefusesStoredRevisionOverOneMebibyteTest {
  final MockCluster cluster = new MockCluster();
  final SecretStateStore store = new SecretStateStore(cluster.client(), "pullsync", "prod");

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void aSpecOverTheLimitIsRefusedAndTheStoredOneStays() {
    StoredSpec small = spec("main@sha1:aaa", Map.of("registries.yaml", "kind: Registry\n"));
    byte[] salt = new byte[32];
    salt[0] = 7;
    store.save(new InstanceState(Optional.of(small), salt));

    StoredSpec big =
        spec("main@sha1:bbb", Map.of("a.yaml", "x".repeat(SecretStateStore.MAX_BYTES)));
    cluster.clearRequests();

    assertThatThrownBy(() -> store.save(new InstanceState(Optional.of(big), salt)))
        .isInstanceOf(StateTooLargeException.class)
        .hasMessageContaining("revision main@sha1:bbb")
        .hasMessageContaining("over the 1 MiB (1048576 bytes) limit")
        .hasMessageContaining("pullsync/pullsync-state-prod");
    assertThat(cluster.writes()).isEmpty();

    InstanceState loaded = store.load().orElseThrow();
    assertThat(loaded.revision()).contains(small);
    assertThat(loaded.fingerprintSalt()).isEqualTo(salt);
    assertThat(loaded.toString()).doesNotContain("7");
  }

  private static StoredSpec spec(String revision, Map<String, String> files) {
    return new StoredSpec(
        revision, revision.substring(10), Instant.parse("2026-11-30T04:00:00Z"), files);
  }
}
