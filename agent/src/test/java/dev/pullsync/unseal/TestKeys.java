package dev.pullsync.unseal;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/** Test fixtures: the vectors' key A (copied into test resources) and a spare generated key. */
final class TestKeys {
  private static KeyPair spare;

  private TestKeys() {}

  static Path resource(String name) {
    try {
      return Path.of(TestKeys.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path keyA(String file) {
    return resource("vectors/keys/A/" + file);
  }

  static KeyRing ringA() {
    return KeyRing.load(List.of(keyA("tls.key")));
  }

  /** A second RSA key (2048 bits to keep tests quick; the format is size-agnostic). */
  static synchronized KeyPair spare() {
    if (spare == null) {
      try {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        spare = g.generateKeyPair();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return spare;
  }
}
