package dev.pullsync.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete HTTP response; the server adds Content-Length and {@code Connection: close}. */
public record HttpResponse(
    int status, String contentType, byte[] body, Map<String, String> headers) {
  public HttpResponse {
    body = body.clone();
    headers = Map.copyOf(headers);
  }

  /** A UTF-8 plain-text response. */
  public static HttpResponse text(int status, String body) {
    return of(status, "text/plain; charset=utf-8", body);
  }

  /** A UTF-8 response of the given content type. */
  public static HttpResponse of(int status, String contentType, String body) {
    return new HttpResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** The same response with one more header. */
  public HttpResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new HttpResponse(status, contentType, body, more);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
