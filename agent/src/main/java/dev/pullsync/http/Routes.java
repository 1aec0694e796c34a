package dev.pullsync.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The routing table: exact path and method to a handler. {@code HEAD} is served as {@code GET}
 * without a body; a known path with another method is 405 with {@code Allow}; anything else 404. An
 * {@link #inline} route runs on the server's I/O thread, so it must be quick and never block: that
 * is how health and readiness stay answerable while every worker is busy.
 */
public final class Routes {
  /** Computes a response; may throw, which is answered 500. */
  @FunctionalInterface
  public interface Handler extends Function<HttpRequest, HttpResponse> {}

  record Route(String method, Handler handler, boolean inline) {}

  private final Map<String, Route> byPath = new LinkedHashMap<>();

  /** A GET route run on a worker thread. */
  public Routes get(String path, Handler handler) {
    return add(path, new Route("GET", handler, false));
  }

  /** A POST route run on a worker thread. */
  public Routes post(String path, Handler handler) {
    return add(path, new Route("POST", handler, false));
  }

  /** A quick, non-blocking GET route answered on the I/O thread. */
  public Routes inline(String path, Handler handler) {
    return add(path, new Route("GET", handler, true));
  }

  /** The paths served, in the order added. */
  public String paths() {
    return String.join(", ", byPath.keySet());
  }

  private Routes add(String path, Route route) {
    if (byPath.putIfAbsent(path, route) != null) {
      throw new IllegalArgumentException("route already defined: " + path);
    }
    return this;
  }

  /** The route for a request; an unknown path answers 404, a wrong method 405. */
  Route resolve(String method, String path) {
    Route route = byPath.get(path);
    if (route == null) {
      return new Route(method, r -> HttpResponse.text(404, "not found\n"), true);
    }
    if (route.method().equals(method) || (route.method().equals("GET") && method.equals("HEAD"))) {
      return route;
    }
    HttpResponse notAllowed =
        HttpResponse.text(405, "method not allowed\n").withHeader("Allow", route.method());
    return new Route(method, r -> notAllowed, true);
  }
}
