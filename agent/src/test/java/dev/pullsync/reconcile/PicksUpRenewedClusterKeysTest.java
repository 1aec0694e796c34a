package dev.pullsync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullsync.spec.CredentialSource;
import dev.pullsync.spec.Location;
import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.spec.SecretValue;
import dev.pullsync.spec.Spec;
import dev.pullsync.unseal.HybridCipher;
import dev.pullsync.unseal.KeyRing;
import dev.pullsync.unseal.SealedText;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * With --keys-from-cluster, a key the sealed-secrets controller adds after start-up (its periodic
 * renewal) opens the next revision without a restart; a cluster that cannot be read keeps the keys
 * loaded before, and a value none of them opens is then retryable, not stalled.
 */
class PicksUpRenewedClusterKeysTest {
  private static final HybridCipher CIPHER = new HybridCipher(new SecureRandom());

  @Test
  void aRevisionSealedWithARenewedKeyOpensWithoutRestart() throws Exception {
    KeyPair old = rsa();
    KeyPair renewed = rsa();
    AtomicReference<KeyRing> cluster = new AtomicReference<>(KeyRing.of(old.getPrivate()));
    AtomicInteger reads = new AtomicInteger();
    KeyRingRefresh unseal =
        new KeyRingRefresh(
            KeyRing.of(),
            () -> {
              reads.incrementAndGet();
              return cluster.get();
            },
            cluster.get(),
            "pullsync");

    assertThat(unseal.apply(spec(old, "first")).credentials().get("harbor").string("password"))
        .isEqualTo("first");

    cluster.set(KeyRing.of(renewed.getPrivate(), old.getPrivate()));
    assertThat(unseal.apply(spec(renewed, "second")).credentials().get("harbor").string("password"))
        .isEqualTo("second");
    assertThat(reads).hasValue(2);
  }

  @Test
  void anUnreadableClusterKeepsThePreviousKeys() throws Exception {
    KeyPair old = rsa();
    KeyPair unknown = rsa();
    KeyRingRefresh unseal =
        new KeyRingRefresh(
            KeyRing.of(),
            () -> {
              throw new IllegalStateException("403 Forbidden");
            },
            KeyRing.of(old.getPrivate()),
            "pullsync");

    assertThat(unseal.apply(spec(old, "kept")).credentials().get("harbor").string("password"))
        .isEqualTo("kept");
    assertThatThrownBy(() -> unseal.apply(spec(unknown, "never")))
        .isInstanceOf(RetryableException.class) // the ring is incomplete: retried, not stalled
        .hasMessageContaining("could not be re-read from the cluster")
        .hasMessageNotContaining("never");
  }

  private static Spec spec(KeyPair key, String password) {
    byte[] sealed =
        CIPHER.seal(
            key.getPublic(),
            password.getBytes(StandardCharsets.UTF_8),
            "pullsync".getBytes(StandardCharsets.UTF_8));
    Location at = new Location("registries.yaml", 8);
    return new Spec(
        List.of(
            new RegistrySpec(
                "harbor",
                "192.168.58.12:30002",
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
