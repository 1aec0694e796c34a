package dev.pullsync.unseal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullsync.spec.CredentialSource;
import dev.pullsync.spec.Location;
import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.spec.SecretValue;
import dev.pullsync.spec.Spec;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * After the controller renews its key, the unseal stage counts the values still sealed with an
 * older key of the ring and says to run {@code pullsync reseal}; once they are re-sealed for the
 * newest key it says nothing. Without dated keys no key is known to be newer, so nothing is said.
 */
class CountsValuesSealedWithAnOlderKeyTest {
  private static final HybridCipher CIPHER = new HybridCipher(new SecureRandom());

  @Test
  void valuesSealedWithTheOldKeyAreCountedAgainstTheNewestActiveKey() throws Exception {
    KeyPair old = rsa();
    KeyPair renewed = rsa();
    KeyRing ring =
        KeyRing.of(
            List.of(
                dated(old, "2026-01-01T00:00:00Z", "old"),
                dated(renewed, "2026-01-31T00:00:00Z", "renewed")));
    String newest = SealingKey.shortId(renewed.getPublic());

    Unsealed before = new Unsealer(ring, "pullsync").unseal(spec(old, old, old));
    Unsealed mixed = new Unsealer(ring, "pullsync").unseal(spec(old, renewed, renewed));
    Unsealed after = new Unsealer(ring, "pullsync").unseal(spec(renewed, renewed, renewed));

    assertThat(before.keyAge()).isEqualTo(new KeyAge(3, Optional.of(newest)));
    assertThat(before.keyAge().notices())
        .containsExactly(
            "3 values sealed with a key older than the active one ("
                + newest
                + "); run `pullsync reseal`");
    assertThat(mixed.keyAge().notices())
        .containsExactly(
            "1 value sealed with a key older than the active one ("
                + newest
                + "); run `pullsync reseal`");
    assertThat(after.keyAge().notices()).isEmpty();
  }

  @Test
  void undatedKeysSayNothing() throws Exception {
    KeyPair a = rsa();
    KeyPair b = rsa();
    Unsealed u =
        new Unsealer(KeyRing.of(b.getPrivate(), a.getPrivate()), "pullsync").unseal(spec(a, a, a));
    assertThat(u.keyAge()).isEqualTo(KeyAge.NONE);
    assertThat(u.keyAge().notices()).isEmpty();
  }

  private static SealingKey dated(KeyPair pair, String notBefore, String origin) {
    return new SealingKey(
        pair.getPrivate(), pair.getPublic(), Optional.of(Instant.parse(notBefore)), origin);
  }

  /** Two registries: harbor (sealed username and password) and quay (sealed password). */
  private static Spec spec(KeyPair user, KeyPair password, KeyPair quay) {
    Location at = new Location("registries.yaml", 8);
    return new Spec(
        List.of(
            registry(
                "harbor", new SecretValue.Sealed(seal(user, "admin"), at), seal(password, "pw1")),
            registry("quay", new SecretValue.Plain("robot", at), seal(quay, "pw2"))),
        List.of());
  }

  private static RegistrySpec registry(String name, SecretValue user, String password) {
    Location at = new Location("registries.yaml", 8);
    return new RegistrySpec(
        name,
        name + ".example.com",
        new CredentialSource.UsernamePassword(
            user, new SecretValue.Sealed(password, at), Optional.empty()),
        Optional.empty(),
        at);
  }

  private static String seal(KeyPair key, String value) {
    return SealedText.encode(
        CIPHER.seal(
            key.getPublic(),
            value.getBytes(StandardCharsets.UTF_8),
            "pullsync".getBytes(StandardCharsets.UTF_8)));
  }

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    return g.generateKeyPair();
  }
}
