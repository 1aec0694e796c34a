package dev.pullsync.demo;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A thin front over the fabric8 CRUD mock's dispatcher that makes it pass for a Kubernetes API
 * server to kubectl 1.31 and to the fabric8 client, and counts every request:
 *
 * <ul>
 *   <li>serves the discovery documents ({@code /version}, {@code /api}, {@code /apis}, {@code
 *       /api/v1}, {@code /apis/coordination.k8s.io/v1}, {@code /openapi/v2|v3});
 *   <li>answers protobuf request bodies with 415 at once (the mock cannot read them and would
 *       hang), so kubectl falls back to JSON;
 *   <li>gives list answers a {@code Content-Type} and their real kind ({@code NamespaceList}, not
 *       {@code List}), so {@code kubectl get/describe} show them;
 *   <li>gives 409s the reason a real server sends ({@code AlreadyExists} on create, {@code
 *       Conflict} on update) instead of {@code Invalid}.
 *   <li>applies JSON merge and strategic merge patches as a real server does ({@link MergePatch}):
 *       lists replaced, not appended; strategic merge understood instead of a 415.
 * </ul>
 */
public final class ApiFront extends Dispatcher {
  private static final Pattern COLLECTION =
      Pattern.compile("^/(?:api/v1|apis/[^/]+/[^/]+)(?:/namespaces/[^/]+)?/([a-z]+)/?$");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Dispatcher crud;
  private final Discovery discovery;
  private final LongAdder requests = new LongAdder();
  private volatile Consumer<RecordedRequest> observer = r -> {};

  public ApiFront(Dispatcher crud, Discovery discovery) {
    this.crud = Objects.requireNonNull(crud, "crud");
    this.discovery = Objects.requireNonNull(discovery, "discovery");
  }

  /** Every request received so far (discovery included). */
  public long requestCount() {
    return requests.sum();
  }

  /** Sees every request before it is answered (for benchmarks and fault tests). */
  public void observe(Consumer<RecordedRequest> observer) {
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    requests.increment();
    observer.accept(request);
    String path = pathOf(request);
    Optional<String> document = discovery.document(request.getMethod(), path);
    if (document.isPresent()) {
      return json(200, document.get());
    }
    String contentType = Optional.ofNullable(request.getHeader("Content-Type")).orElse("");
    if (contentType.toLowerCase(Locale.ROOT).contains("protobuf")) {
      return json(415, Discovery.status(415, "UnsupportedMediaType", "send JSON, not protobuf"));
    }
    if (request.getMethod().equals("PATCH")) {
      Optional<Boolean> strategic = MergePatch.strategic(contentType);
      if (strategic.isPresent()) {
        return fix(request, path, mergePatch(request, path, strategic.get()));
      }
    }
    return fix(request, path, crud.dispatch(request));
  }

  /**
   * Merge and strategic merge patches as a real server applies them (the mock appends lists and
   * refuses strategic merge): read the object, patch it ({@link MergePatch}), write it back with
   * its resourceVersion.
   */
  private MockResponse mergePatch(RecordedRequest request, String path, boolean strategic) {
    MockResponse current = crud.dispatch(internal(HttpMethod.GET, path, ""));
    if (current == null || current.code() != 200) {
      return current;
    }
    JsonNode patched;
    try {
      patched =
          MergePatch.apply(
              JSON.readTree(current.getBody().readUtf8()),
              JSON.readTree(request.getUtf8Body()),
              strategic,
              resourceOf(path));
    } catch (IllegalArgumentException | JacksonException e) {
      return json(422, Discovery.status(422, "Invalid", "cannot apply the patch"));
    }
    return crud.dispatch(internal(HttpMethod.PUT, path, JSON.writeValueAsString(patched)));
  }

  private static RecordedRequest internal(HttpMethod method, String path, String body) {
    Headers headers = Headers.builder().add("Content-Type", "application/json").build();
    return new RecordedRequest(
        "HTTP/1.1", method, path, headers, new Buffer(body.getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code serviceaccounts} in {@code /api/v1/namespaces/a/serviceaccounts/default}. */
  private static String resourceOf(String path) {
    String[] parts = path.split("/");
    return parts.length >= 2 ? parts[parts.length - 2] : "";
  }

  private static MockResponse fix(RecordedRequest request, String path, MockResponse response) {
    if (response == null || response.getWebSocketListener() != null) {
      return response;
    }
    int code = response.code();
    if (code == 409) {
      String reason = request.getMethod().equals("POST") ? "AlreadyExists" : "Conflict";
      String body = response.getBody().readUtf8();
      return json(409, body.replace("\"reason\":\"Invalid\"", "\"reason\":\"" + reason + "\""));
    }
    if (request.getMethod().equals("GET") && code == 200) {
      Matcher m = COLLECTION.matcher(path);
      String body = response.getBody().readUtf8();
      if (m.matches() && body.contains("\"kind\":\"List\"")) {
        body =
            body.replaceFirst(
                "\"kind\":\"List\"", "\"kind\":\"" + Discovery.listKind(m.group(1)) + "\"");
      }
      return json(200, body);
    }
    if (response.header("Content-Type") == null) {
      response.setHeader("Content-Type", "application/json");
    }
    return response;
  }

  private static String pathOf(RecordedRequest request) {
    String path = request.getPath();
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  @Override
  public void shutdown() {
    crud.shutdown();
  }
}
