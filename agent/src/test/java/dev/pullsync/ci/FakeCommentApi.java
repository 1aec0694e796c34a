package dev.pullsync.ci;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A pull request's comments as GitHub's REST API or a merge request's notes as GitLab's serve them,
 * on loopback: list (paged, 30 a page unless {@code per_page}), create, update. It checks the token
 * and records every request.
 */
final class FakeCommentApi implements AutoCloseable {
  enum Flavor {
    GITHUB,
    GITLAB
  }

  record Request(String method, String path, String query, String body) {}

  record Comment(long id, String author, String body, boolean system) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern GITHUB_LIST =
      Pattern.compile("/repos/acme/specs/issues/(\\d+)/comments");
  private static final Pattern GITHUB_ONE =
      Pattern.compile("/repos/acme/specs/issues/comments/(\\d+)");
  private static final Pattern GITLAB_LIST =
      Pattern.compile("/api/v4/projects/42/merge_requests/(\\d+)/notes(?:/(\\d+))?");

  private final Flavor flavor;
  private final String token;
  private final int pullRequest;
  private final HttpServer server;
  private final List<Comment> comments = new ArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private long nextId = 1000;
  private int refuseWith;

  /** Serves pull request (or merge request iid) {@code pullRequest} of acme/specs (project 42). */
  FakeCommentApi(Flavor flavor, String token, int pullRequest) throws IOException {
    this.flavor = flavor;
    this.token = token;
    this.pullRequest = pullRequest;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** What the CI variables GITHUB_API_URL / CI_API_V4_URL would hold. */
  String baseUrl() {
    String root = "http://127.0.0.1:" + server.getAddress().getPort();
    return flavor == Flavor.GITHUB ? root : root + "/api/v4";
  }

  synchronized Comment add(String author, String body, boolean system) {
    Comment c = new Comment(nextId++, author, body, system);
    comments.add(c);
    return c;
  }

  synchronized List<Comment> comments() {
    return List.copyOf(comments);
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Answers every request with this status from now on (0: serve normally). */
  void refuseWith(int status) {
    this.refuseWith = status;
  }

  private synchronized void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      URI uri = ex.getRequestURI();
      requests.add(new Request(ex.getRequestMethod(), uri.getPath(), uri.getQuery(), body));
      if (refuseWith != 0) {
        send(ex, refuseWith, "{\"message\":\"Resource not accessible by integration\"}");
        return;
      }
      if (!authorized(ex)) {
        send(ex, 401, "{\"message\":\"Bad credentials\"}");
        return;
      }
      String[] answer = flavor == Flavor.GITHUB ? github(ex, uri, body) : gitlab(ex, uri, body);
      send(ex, Integer.parseInt(answer[0]), answer[1]);
    }
  }

  private boolean authorized(HttpExchange ex) {
    if (flavor == Flavor.GITHUB) {
      return ("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"));
    }
    return token.equals(ex.getRequestHeaders().getFirst("PRIVATE-TOKEN"));
  }

  private String[] github(HttpExchange ex, URI uri, String body) {
    String method = ex.getRequestMethod();
    Matcher list = GITHUB_LIST.matcher(uri.getPath());
    if (list.matches() && Integer.parseInt(list.group(1)) == pullRequest) {
      if (method.equals("GET")) {
        return ok(page(uri.getQuery()));
      }
      if (method.equals("POST")) {
        return new String[] {"201", render(add("ci-bot", text(body), false)).toString()};
      }
    }
    Matcher one = GITHUB_ONE.matcher(uri.getPath());
    if (one.matches() && method.equals("PATCH")) {
      return update(Long.parseLong(one.group(1)), body);
    }
    return new String[] {"404", "{\"message\":\"Not Found\"}"};
  }

  private String[] gitlab(HttpExchange ex, URI uri, String body) {
    String method = ex.getRequestMethod();
    Matcher m = GITLAB_LIST.matcher(uri.getPath());
    if (m.matches() && Integer.parseInt(m.group(1)) == pullRequest) {
      if (m.group(2) == null && method.equals("GET")) {
        return ok(page(uri.getQuery()));
      }
      if (m.group(2) == null && method.equals("POST")) {
        return new String[] {"201", render(add("ci-bot", text(body), false)).toString()};
      }
      if (m.group(2) != null && method.equals("PUT")) {
        return update(Long.parseLong(m.group(2)), body);
      }
    }
    return new String[] {"404", "{\"message\":\"404 Not found\"}"};
  }

  private String[] update(long id, String body) {
    for (int i = 0; i < comments.size(); i++) {
      Comment c = comments.get(i);
      if (c.id() == id) {
        Comment updated = new Comment(id, c.author(), text(body), c.system());
        comments.set(i, updated);
        return ok(render(updated));
      }
    }
    return new String[] {"404", "{\"message\":\"Not Found\"}"};
  }

  private JsonNode page(String query) {
    Map<String, String> params = new HashMap<>();
    for (String p : query == null ? new String[0] : query.split("&")) {
      String[] kv = p.split("=", 2);
      params.put(kv[0], kv.length > 1 ? kv[1] : "");
    }
    int perPage = Integer.parseInt(params.getOrDefault("per_page", "30"));
    int page = Integer.parseInt(params.getOrDefault("page", "1"));
    ArrayNode out = JSON.createArrayNode();
    comments.stream()
        .skip((long) (page - 1) * perPage)
        .limit(perPage)
        .map(this::render)
        .forEach(out::add);
    return out;
  }

  private ObjectNode render(Comment c) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", c.id());
    n.put("body", c.body());
    if (flavor == Flavor.GITHUB) {
      n.putObject("user").put("login", c.author());
    } else {
      n.putObject("author").put("username", c.author());
      n.put("system", c.system());
    }
    return n;
  }

  private static String text(String requestBody) {
    return JSON.readTree(requestBody).get("body").asString();
  }

  private static String[] ok(JsonNode answer) {
    return new String[] {"200", answer.toString()};
  }

  private static void send(HttpExchange ex, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
