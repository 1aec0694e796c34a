package dev.pullsync.http;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One fully received HTTP request: the server hands a handler nothing until the head and the whole
 * body have arrived, so a handler never waits on a client.
 *
 * @param headers names in lower case, first value of each
 */
public record HttpRequest(
    String method, String path, Map<String, String> headers, byte[] body, InetAddress remote) {
  public HttpRequest {
    headers = Map.copyOf(headers);
    body = body.clone();
  }

  /** A header by name, any case. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
