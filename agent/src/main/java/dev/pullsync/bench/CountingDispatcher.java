package dev.pullsync.bench;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Wraps the mock API's dispatcher and counts every request it receives as {@code "verb resource"}
 * (verbs as Kubernetes audit logs name them: list, watch, get, create, update, patch, delete).
 * Requests carrying the {@link #SEED_AGENT} User-Agent (the benchmark's own seeding and drifting)
 * are served but not counted. {@code GET /_bench/counts} answers the counts as JSON and {@code POST
 * /_bench/reset} zeroes them, so a forked server can be read the same way as an in-process one.
 */
final class CountingDispatcher extends Dispatcher {
  /** The User-Agent of requests that set the scene rather than measure the agent. */
  static final String SEED_AGENT = "pullsync-bench-seed";

  static final String COUNTS_PATH = "/_bench/counts";
  static final String RESET_PATH = "/_bench/reset";

  private final Dispatcher delegate;
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  CountingDispatcher(Dispatcher delegate) {
    this.delegate = delegate;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getPath();
    if (path.startsWith(COUNTS_PATH)) {
      return new MockResponse().setResponseCode(200).setBody(RequestCounts.of(snapshot()).json());
    }
    if (path.startsWith(RESET_PATH)) {
      counts.clear();
      return new MockResponse().setResponseCode(200).setBody("{}");
    }
    String agent = request.getHeader("User-Agent");
    if (agent == null || !agent.contains(SEED_AGENT)) {
      counts.computeIfAbsent(key(request), k -> new LongAdder()).increment();
    }
    return delegate.dispatch(request);
  }

  private Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** {@code "verb resource"} for one request, e.g. {@code "create secrets"}. */
  static String key(RecordedRequest request) {
    String path = request.getPath();
    int q = path.indexOf('?');
    String query = q < 0 ? "" : path.substring(q + 1);
    String[] parts = (q < 0 ? path : path.substring(0, q)).split("/");
    // /api/v1/<resource>[/<name>] or /api/v1/namespaces/<ns>/<resource>[/<name>]; /apis/g/v/...
    int start = parts.length > 1 && "apis".equals(parts[1]) ? 4 : 3;
    String resource = "other";
    boolean named = false;
    if (parts.length > start) {
      if ("namespaces".equals(parts[start]) && parts.length > start + 2) {
        resource = parts[start + 2];
        named = parts.length > start + 3;
      } else {
        resource = parts[start];
        named = parts.length > start + 1;
      }
    }
    return verb(request.getMethod().toUpperCase(Locale.ROOT), named, query) + " " + resource;
  }

  private static String verb(String method, boolean named, String query) {
    return switch (method) {
      case "GET" -> query.contains("watch=true") ? "watch" : named ? "get" : "list";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> "delete";
      default -> method.toLowerCase(Locale.ROOT);
    };
  }

  @Override
  public void shutdown() {
    delegate.shutdown();
  }
}
