package dev.pullsync.unseal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The 27 vectors made with the sealed-secrets project's own code: 20 open, 7 must not. */
class VectorsTest {
  private static final KeyRing RING = TestKeys.ringA();

  record Vector(String id, String label, byte[] plaintext, String ciphertext, boolean ok) {
    @Override
    public String toString() {
      return id;
    }
  }

  static Stream<Vector> vectors() throws Exception {
    JsonNode all =
        new ObjectMapper().readTree(Files.readString(TestKeys.resource("vectors/vectors.json")));
    List<Vector> out = new ArrayList<>();
    for (JsonNode v : all) {
      out.add(
          new Vector(
              v.get("id").asString(),
              v.get("label").asString(),
              Base64.getDecoder().decode(v.get("plaintext_base64").asString()),
              v.get("ciphertext_base64").asString(),
              v.get("expect").asString().equals("ok")));
    }
    return out.stream();
  }

  @Test
  void thereAre20GoodAnd7BadVectors() throws Exception {
    List<Vector> all = vectors().toList();
    assertThat(all).hasSize(27);
    assertThat(all.stream().filter(Vector::ok)).hasSize(20);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void everyVectorOpensOrFailsAsExpected(Vector v) {
    byte[] label = v.label().getBytes(StandardCharsets.UTF_8);
    if (v.ok()) {
      assertThat(RING.open(SealedText.decode(v.ciphertext()), label)).isEqualTo(v.plaintext());
    } else {
      assertThatThrownBy(() -> RING.open(SealedText.decode(v.ciphertext()), label))
          .isInstanceOf(UnsealException.class)
          .satisfies(e -> assertNoLeak(e.getMessage(), v));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void thePkcs8CopyOfKeyAOpensTheSameVectors(Vector v) {
    KeyRing pkcs8 = KeyRing.load(List.of(TestKeys.keyA("tls.pkcs8.key")));
    byte[] label = v.label().getBytes(StandardCharsets.UTF_8);
    if (v.ok()) {
      assertThat(pkcs8.open(SealedText.decode(v.ciphertext()), label)).isEqualTo(v.plaintext());
    } else {
      assertThatThrownBy(() -> pkcs8.open(SealedText.decode(v.ciphertext()), label))
          .isInstanceOf(UnsealException.class);
    }
  }

  static void assertNoLeak(String message, Vector v) {
    assertThat(message)
        .doesNotContain(v.ciphertext().substring(0, Math.min(12, v.ciphertext().length())));
    if (v.plaintext().length > 3) {
      assertThat(message).doesNotContain(new String(v.plaintext(), StandardCharsets.UTF_8));
    }
  }
}
