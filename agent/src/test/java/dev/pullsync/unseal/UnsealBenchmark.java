package dev.pullsync.unseal;

import dev.pullsync.spec.CredentialSource;
import dev.pullsync.spec.Location;
import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.spec.SecretValue;
import dev.pullsync.spec.Spec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prints figures, asserts nothing (not a test): cost of sealing and opening with a 4096-bit key,
 * and of unsealing a 50-registry spec cold versus from the cache. Run with {@code java -cp
 * agent/target/test-classes:agent/target/pullsync.jar dev.pullsync.unseal.UnsealBenchmark}.
 */
public final class UnsealBenchmark {
  private UnsealBenchmark() {}

  public static void main(String[] args) throws Exception {
    KeyRing ring = TestKeys.ringA();
    HybridCipher cipher = new HybridCipher(new SecureRandom());
    byte[] label = "pullsync".getBytes(StandardCharsets.UTF_8);
    byte[] plain = "Harbor12345".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = cipher.seal(ring.keys().get(0).publicKey(), plain, label);
    for (int i = 0; i < 50; i++) { // warm up
      ring.open(cipher.seal(ring.keys().get(0).publicKey(), plain, label), label);
    }
    int n = 200;
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      cipher.seal(ring.keys().get(0).publicKey(), plain, label);
    }
    long t1 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      ring.open(sealed, label);
    }
    long t2 = System.nanoTime();
    System.out.printf("seal (RSA-4096 OAEP + GCM): %.3f ms/value%n", (t1 - t0) / 1e6 / n);
    System.out.printf("open (RSA-4096 OAEP + GCM): %.3f ms/value%n", (t2 - t1) / 1e6 / n);

    List<RegistrySpec> registries = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String name = "registry-" + i;
      registries.add(
          new RegistrySpec(
              name,
              "r" + i + ".example.com",
              new CredentialSource.UsernamePassword(
                  new SecretValue.Plain("robot", new Location("r.yaml", i)),
                  new SecretValue.Sealed(
                      SealedText.encode(cipher.seal(ring.keys().get(0).publicKey(), plain, label)),
                      new Location("r.yaml", i)),
                  Optional.empty()),
              Optional.empty(),
              new Location("r.yaml", i)));
    }
    Spec spec = new Spec(registries, List.of());
    Unsealer unsealer = new Unsealer(ring, "pullsync");
    long c0 = System.nanoTime();
    unsealer.unseal(spec);
    long c1 = System.nanoTime();
    long ops = unsealer.rsaOperations();
    unsealer.unseal(spec);
    long c2 = System.nanoTime();
    System.out.printf(
        "unseal 50 registries: cold %.1f ms, cached %.2f ms (%d new RSA operations)%n",
        (c1 - c0) / 1e6, (c2 - c1) / 1e6, unsealer.rsaOperations() - ops);
  }
}
