package dev.pullsync.unseal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Property tests over a seeded random source (the seed is in every failure message): whatever bytes
 * or text arrive, the only failure is {@link UnsealException}, and it never echoes the input.
 */
class RandomInputTest {
  private static final KeyRing RING = TestKeys.ringA();
  private static final byte[] LABEL = "pullsync".getBytes(StandardCharsets.UTF_8);
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\r\n -_.%é";

  private static long seed(RepetitionInfo info) {
    return 0x5EA1EDL * 31 + info.getCurrentRepetition();
  }

  @RepeatedTest(40)
  void randomBytesOnlyEverFailWithUnsealException(RepetitionInfo info) {
    long seed = seed(info);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 25; i++) {
      byte[] input = new byte[random.nextInt(0, 1200)];
      random.nextBytes(input);
      if (random.nextBoolean() && input.length >= 2) { // often announce a plausible RSA block
        input[0] = 0x02;
        input[1] = 0x00;
      }
      expectOnlyUnsealException(() -> RING.open(input, LABEL), seed, null);
    }
  }

  @RepeatedTest(40)
  void randomTextOnlyEverFailsWithUnsealException(RepetitionInfo info) {
    long seed = seed(info);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 50; i++) {
      StringBuilder text = new StringBuilder();
      int n = random.nextInt(0, 900);
      for (int j = 0; j < n; j++) {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String input = text.toString();
      expectOnlyUnsealException(() -> RING.open(SealedText.decode(input), LABEL), seed, input);
    }
  }

  @RepeatedTest(20)
  void mutatedRealCiphertextsFailCleanly(RepetitionInfo info) {
    long seed = seed(info);
    SplittableRandom random = new SplittableRandom(seed);
    byte[] canary = "canary-Harbor12345-secret".getBytes(StandardCharsets.UTF_8);
    byte[] sealed =
        new HybridCipher(new SecureRandom()).seal(RING.keys().get(0).publicKey(), canary, LABEL);
    for (int i = 0; i < 10; i++) {
      byte[] bad = sealed.clone();
      int flips = random.nextInt(1, 4);
      for (int f = 0; f < flips; f++) {
        bad[random.nextInt(bad.length)] ^= (byte) random.nextInt(1, 256);
      }
      String text = Base64.getEncoder().encodeToString(bad);
      if (random.nextBoolean()) {
        text = text.substring(0, random.nextInt(text.length()));
      }
      String input = text;
      expectOnlyUnsealException(
          () -> RING.open(SealedText.decode(input), LABEL), seed, "canary-Harbor12345-secret");
    }
  }

  private static void expectOnlyUnsealException(Runnable r, long seed, String mustNotAppear) {
    try {
      r.run();
    } catch (UnsealException e) {
      if (mustNotAppear != null && mustNotAppear.length() > 8) {
        assertThat(e.getMessage()).as("seed %d", seed).doesNotContain(mustNotAppear);
      }
      return;
    } catch (RuntimeException | Error e) {
      fail("seed " + seed + ": unexpected " + e.getClass().getName());
    }
    // Opening random input successfully is astronomically unlikely; it would be a finding.
    fail("seed " + seed + ": random input opened");
  }
}
