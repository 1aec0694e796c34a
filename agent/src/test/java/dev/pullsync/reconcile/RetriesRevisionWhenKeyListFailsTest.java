package dev.pullsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.source.Snapshot;
import dev.pullsync.spec.CredentialSource;
import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.Location;
import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.spec.SecretValue;
import dev.pullsync.spec.Spec;
import dev.pullsync.unseal.HybridCipher;
import dev.pullsync.unseal.KeyRing;
import dev.pullsync.unseal.SealedText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A revision sealed with a key the agent could not list (one failed key LIST during the
 * per-revision refresh) is pending, not stalled: the next fetch of the same revision tries again
 * and applies it once the key can be read. A value no key opens with a complete ring stalls the
 * revision, and it is not unsealed again until the branch moves.
 */
class RetriesRevisionWhenKeyListFailsTest {
  private static final HybridCipher CIPHER = new HybridCipher(new SecureRandom());
  private static final Snapshot SNAPSHOT =
      new Snapshot("main@sha1:" + "a".repeat(40), "a".repeat(40), Path.of("."), Instant.EPOCH);

  @Test
  void aFailedKeyListLeavesTheRevisionPendingAndTheNextFetchAppliesIt() throws Exception {
    KeyPair old = rsa();
    KeyPair renewed = rsa();
    AtomicReference<RuntimeException> listFault =
        new AtomicReference<>(new IllegalStateException("503 Service Unavailable"));
    KeyRingRefresh unseal =
        new KeyRingRefresh(
            KeyRing.of(),
            () -> {
              RuntimeException fault = listFault.getAndSet(null);
              if (fault != null) {
                throw fault;
              }
              return KeyRing.of(renewed.getPrivate(), old.getPrivate());
            },
            KeyRing.of(old.getPrivate()),
            "pullsync");
    Spec spec = spec(renewed);
    Revisions revisions = new Revisions(() -> SNAPSHOT, root -> spec, unseal);

    Revisions.Current first = revisions.current(true);

    assertThat(first.good()).isEmpty();
    assertThat(first.failure()).containsInstanceOf(RetryableException.class);
    assertThat(revisions.stalled()).isEmpty();
    assertThat(first.errors())
        .singleElement()
        .asString()
        .contains("revision " + SNAPSHOT.revision() + " pending")
        .contains("could not be re-read from the cluster (IllegalStateException)")
        .contains("retrying with backoff")
        .doesNotContain("s3cret");

    Revisions.Current second = revisions.current(true);

    assertThat(second.good()).map(Revision::name).contains(SNAPSHOT.revision());
    assertThat(second.errors()).isEmpty();
    assertThat(second.failure()).isEmpty();
    assertThat(second.good().get().unsealed().credentials().get("harbor").string("password"))
        .isEqualTo("s3cret");
  }

  @Test
  void aValueNoKeyOfACompleteRingOpensStallsAndIsNotRetried() throws Exception {
    KeyPair known = rsa();
    KeyPair unknown = rsa();
    AtomicInteger unseals = new AtomicInteger();
    KeyRingRefresh refresh =
        new KeyRingRefresh(
            KeyRing.of(),
            () -> KeyRing.of(known.getPrivate()),
            KeyRing.of(known.getPrivate()),
            "pullsync");
    Spec spec = spec(unknown);
    Revisions revisions =
        new Revisions(
            () -> SNAPSHOT,
            root -> spec,
            s -> {
              unseals.incrementAndGet();
              return refresh.apply(s);
            });

    Revisions.Current first = revisions.current(true);
    Revisions.Current again = revisions.current(true);

    assertThat(first.failure()).containsInstanceOf(InvalidSpecException.class);
    assertThat(again.failure()).containsInstanceOf(InvalidSpecException.class);
    assertThat(again.errors())
        .singleElement()
        .asString()
        .contains("not applied", "no key could decrypt");
    assertThat(unseals).hasValue(1);
  }

  private static Spec spec(KeyPair key) {
    byte[] sealed =
        CIPHER.seal(
            key.getPublic(),
            "s3cret".getBytes(StandardCharsets.UTF_8),
            "pullsync".getBytes(StandardCharsets.UTF_8));
    Location at = new Location("registries.yaml", 8);
    return new Spec(
        List.of(
            new RegistrySpec(
                "harbor",
                "registry.example.com",
                new CredentialSource.UsernamePassword(
                    new SecretValue.Plain("admin", at),
                    new SecretValue.Sealed(SealedText.encode(sealed), at),
                    Optional.empty()),
                Optional.empty(),
                at)),
        List.of());
  }

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    return g.generateKeyPair();
  }
}
