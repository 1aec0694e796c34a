package dev.pullsync.http;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/** The request line and headers of an HTTP/1.x request, parsed from the bytes before the body. */
record RequestHead(String method, String path, Map<String, String> headers) {
  /** Thrown for a head that is not HTTP/1.x; the server answers 400. */
  static final class Malformed extends Exception {
    Malformed(String message) {
      super(message);
    }
  }

  /** Index just past the blank line ending the head, or -1 if it has not all arrived. */
  static int end(byte[] buffer, int length) {
    for (int i = 3; i < length; i++) {
      if (buffer[i] == '\n'
          && buffer[i - 1] == '\r'
          && buffer[i - 2] == '\n'
          && buffer[i - 3] == '\r') {
        return i + 1;
      }
    }
    return -1;
  }

  static RequestHead parse(byte[] buffer, int headEnd) throws Malformed {
    String text = new String(buffer, 0, headEnd - 4, StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\r\n", -1);
    String[] request = lines[0].split(" ", -1);
    if (request.length != 3 || !request[2].startsWith("HTTP/1.") || request[0].isEmpty()) {
      throw new Malformed("bad request line");
    }
    Map<String, String> headers = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon <= 0) {
        throw new Malformed("bad header line");
      }
      headers.putIfAbsent(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    String target = request[1];
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    if (!path.startsWith("/")) {
      throw new Malformed("bad request target");
    }
    return new RequestHead(request[0], path, headers);
  }

  /** The declared body length: 0 when absent, empty when chunked or not a number. */
  OptionalInt contentLength() {
    if (headers.containsKey("transfer-encoding")) {
      return OptionalInt.empty();
    }
    String value = headers.get("content-length");
    if (value == null) {
      return OptionalInt.of(0);
    }
    try {
      int n = Integer.parseInt(value);
      return n < 0 ? OptionalInt.empty() : OptionalInt.of(n);
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  boolean expectsContinue() {
    return "100-continue".equalsIgnoreCase(headers.getOrDefault("expect", ""));
  }
}
