package dev.pullsync.check;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every request the registry checks send, built and sent in one place so that each passes the
 * process's {@link Outbound} address policy and carries the same time limit.
 */
final class RegistryRequests {
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private RegistryRequests() {}

  static HttpResponse<Void> send(HttpClient http, HttpRequest request)
      throws IOException, InterruptedException {
    return send(http, request, HttpResponse.BodyHandlers.discarding());
  }

  /** Sends {@code request} unless the address policy refuses its host ({@link NotDialled}). */
  static <T> HttpResponse<T> send(
      HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> body)
      throws IOException, InterruptedException {
    if (!Outbound.permits(request.uri())) {
      throw new NotDialled(request.uri());
    }
    return http.send(request, body);
  }

  /** A request the address policy refused: nothing was sent. */
  static final class NotDialled extends IOException {
    NotDialled(URI uri) {
      super(
          "not dialled: "
              + uri.getHost()
              + " is not a loopback address and this process allows loopback only");
    }
  }

  static HttpRequest request(
      URI uri, String method, List<String> accept, Optional<String> authorization) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (!accept.isEmpty()) {
      b.header("Accept", String.join(", ", accept));
    }
    authorization.ifPresent(a -> b.header("Authorization", a));
    return b.build();
  }
}
