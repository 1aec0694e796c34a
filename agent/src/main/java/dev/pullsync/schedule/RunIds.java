package dev.pullsync.schedule;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;

/** Short random ids that tie together the log lines of one reconcile. */
@FunctionalInterface
public interface RunIds {
  String next();

  /** 8 hex digits from the given random source (tests pass a seeded one). */
  static RunIds from(Random random) {
    return () -> {
      byte[] bytes = new byte[4];
      synchronized (random) {
        random.nextBytes(bytes);
      }
      return HexFormat.of().formatHex(bytes);
    };
  }

  static RunIds secure() {
    return from(new SecureRandom());
  }
}
