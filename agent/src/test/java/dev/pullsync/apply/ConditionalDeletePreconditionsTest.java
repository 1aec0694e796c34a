package dev.pullsync.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

/**
 * The precondition logic the mock cannot show: a delete's body names the uid and resourceVersion of
 * the copy we read, and a 409 answer means "changed since read", never "deleted".
 */
class ConditionalDeletePreconditionsTest {
  @Test
  void bodyCarriesUidAndResourceVersionOfTheCopyRead() {
    var read =
        new SecretBuilder()
            .withNewMetadata()
            .withName("s")
            .withUid("1b4e28ba-2fa1-11d2-883f-0016d3cca427")
            .withResourceVersion("4711")
            .endMetadata()
            .build();

    String body = ConditionalDelete.body(ConditionalDelete.Preconditions.of(read));

    assertThat(body)
        .contains("\"kind\":\"DeleteOptions\"")
        .contains("\"uid\":\"1b4e28ba-2fa1-11d2-883f-0016d3cca427\"")
        .contains("\"resourceVersion\":\"4711\"");
  }

  @Test
  void anUnknownFieldIsNotSent() {
    String body = ConditionalDelete.body(new ConditionalDelete.Preconditions("", "12"));

    assertThat(body).doesNotContain("uid").contains("\"resourceVersion\":\"12\"");
  }

  @Test
  void answersMeanDeletedGoneOrChanged() {
    assertThat(ConditionalDelete.interpret(200, "")).isEqualTo(ConditionalDelete.Result.DELETED);
    assertThat(ConditionalDelete.interpret(202, "")).isEqualTo(ConditionalDelete.Result.DELETED);
    assertThat(ConditionalDelete.interpret(404, ""))
        .isEqualTo(ConditionalDelete.Result.ALREADY_GONE);
    assertThat(ConditionalDelete.interpret(409, "{}"))
        .isEqualTo(ConditionalDelete.Result.CHANGED_SINCE_READ);
    assertThatThrownBy(
            () ->
                ConditionalDelete.interpret(
                    403, "{\"kind\":\"Status\",\"code\":403,\"reason\":\"Forbidden\"}"))
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
  }
}
