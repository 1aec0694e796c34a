package dev.pullsync.desired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullsync.testkit.Kubectl;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code .dockerconfigjson} is byte for byte what {@code kubectl create secret docker-registry}
 * renders, checked against the installed kubectl, including Go's escaping of HTML characters,
 * control characters and U+2028, and omitted empty e-mail.
 */
class RendersLikeKubectlTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "192.168.58.12:30002 | admin | Harbor12345 | admin@example.com",
        "https://index.docker.io/v1/ | robot$kubeflow-iris+puller | p<a>s&s\"w\\o'rd | ",
        "ghcr.io/org | bot | ünïcødé-€-密码 | a+b@example.com",
      })
  void matchesKubectl(String server, String user, String password, String email) {
    String ours =
        Base64.getEncoder()
            .encodeToString(new DockerConfig().add(server, user, password, email).toJson());

    assertThat(ours).isEqualTo(Kubectl.dockerConfigJson(server, user, password, email));
  }

  @Test
  void escapesControlCharactersAndLineSeparatorsLikeGo() {
    String user = "u\b\f\u0001\u2028\u2029\n\r\t";
    String ours =
        Base64.getEncoder().encodeToString(new DockerConfig().add("s", user, "p", null).toJson());

    assertThat(ours).isEqualTo(Kubectl.dockerConfigJson("s", user, "p", null));
  }

  @RepeatedTest(4)
  void randomPrintablePasswordsMatchKubectl(RepetitionInfo info) {
    long seed = 0x5eed_0000L + info.getCurrentRepetition();
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 24; i++) {
      password.append((char) random.nextInt(0x21, 0x7f));
    }
    String ours =
        Base64.getEncoder()
            .encodeToString(
                new DockerConfig().add("r.io", "u", password.toString(), null).toJson());

    assertThat(ours)
        .as("seed %d", seed)
        .isEqualTo(Kubectl.dockerConfigJson("r.io", "u", password.toString(), null));
  }

  @Test
  void mergesWholeConfigsSortedAsGoSortsKeys() {
    byte[] merged =
        new DockerConfig()
            .add("zeta.io", "z", "zp", null)
            .merge(
                "{\"auths\":{\"b.io\":{\"auth\":\"eDp5\",\"password\":\"y\",\"username\":\"x\"},\"a.io\":{\"identitytoken\":\"t\"}}}"
                    .getBytes(StandardCharsets.UTF_8))
            .toJson();

    assertThat(new String(merged, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"auths\":{\"a.io\":{\"identitytoken\":\"t\"},"
                + "\"b.io\":{\"username\":\"x\",\"password\":\"y\",\"auth\":\"eDp5\"},"
                + "\"zeta.io\":{\"username\":\"z\",\"password\":\"zp\",\"auth\":\"ejp6cA==\"}}}");
  }

  @Test
  void rejectsMalformedConfigWithoutQuotingIt() {
    assertThatThrownBy(
            () ->
                new DockerConfig()
                    .merge("{\"auths\": [\"secret-value\"]}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageNotContaining("secret-value")
        .hasMessageContaining("auths");
    assertThatThrownBy(
            () ->
                new DockerConfig().merge("not json secret-value".getBytes(StandardCharsets.UTF_8)))
        .hasMessageNotContaining("secret-value");
  }
}
