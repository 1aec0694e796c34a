package dev.pullsync.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

/** A request that never reached the API is reported in words, not by exception class name. */
class TransportFailuresAreNamedInWordsTest {
  @Test
  void connectionRefusedAndTimeoutAreWords() {
    assertThat(ApiFailure.reason(wrapped(new ConnectException("Connection refused"))))
        .isEqualTo("API request failed (connection refused)");
    assertThat(ApiFailure.reason(wrapped(new SocketTimeoutException("Read timed out"))))
        .isEqualTo("API request failed (timed out)");
  }

  @Test
  void theFailureMessageNeverAppears() {
    String secretish = "token=canary-4242";
    assertThat(ApiFailure.reason(wrapped(new IOException(secretish))))
        .doesNotContain("canary-4242")
        .isEqualTo("API request failed (IOException)");
  }

  private static KubernetesClientException wrapped(Exception cause) {
    return new KubernetesClientException("An error has occurred.", cause);
  }
}
