package dev.pullsync.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * An in-process registry for the demo and the tests: {@code /v2/} on loopback (plain http, or https
 * with a given key and certificate): anonymous, a Basic challenge, or a Bearer challenge whose
 * realm ({@code /token}) issues a token only for the right user and password, as Harbor's does. It
 * serves manifests ({@code HEAD /v2/<repository>/manifests/<tag>}) of the images it is given; a
 * Bearer token grants {@code pull} on the repositories {@link #grantPullOnly} allows (all by
 * default), as a robot account's would. Counts the requests it gets.
 */
public final class LocalRegistry implements AutoCloseable {
  /** How {@code /v2/} challenges. */
  public enum Challenge {
    NONE,
    BASIC,
    BEARER
  }

  private final HttpServer server;
  private final String scheme;
  private final Challenge challenge;
  private final String basic;
  private final Set<String> tokens = ConcurrentHashMap.newKeySet();
  private final Map<String, Set<String>> pullScopes = new ConcurrentHashMap<>();
  private final Set<String> images = ConcurrentHashMap.newKeySet();
  private volatile Set<String> pullable;
  private volatile String lastAccept = "";
  private final AtomicInteger manifestRequests = new AtomicInteger();
  private final AtomicInteger v2Requests = new AtomicInteger();
  private final AtomicInteger tokenRequests = new AtomicInteger();

  public LocalRegistry(Challenge challenge, String user, String password) {
    this(challenge, user, password, null);
  }

  /**
   * As above, serving https with {@code tls} (its key and certificate) when not null; the token
   * realm is then https too.
   */
  public LocalRegistry(Challenge challenge, String user, String password, SSLContext tls) {
    this.challenge = challenge;
    this.scheme = tls == null ? "http" : "https";
    this.basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    try {
      InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
      if (tls == null) {
        server = HttpServer.create(loopback, 0);
      } else {
        HttpsServer https = HttpsServer.create(loopback, 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        server = https;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/v2/", this::v2);
    server.createContext("/token", this::token);
    server.start();
  }

  /** {@code 127.0.0.1:<port>}, the Registry's server. */
  public String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Serves the manifest of {@code image} ({@code repository:tag}). */
  public LocalRegistry serve(String image) {
    images.add(image);
    return this;
  }

  /** Tokens grant pull on these repositories only (a robot account limited to one project). */
  public LocalRegistry grantPullOnly(String... repositories) {
    pullable = Set.of(repositories);
    return this;
  }

  public int manifestRequests() {
    return manifestRequests.get();
  }

  /** The {@code Accept} header of the last manifest request. */
  public String lastAccept() {
    return lastAccept;
  }

  public int v2Requests() {
    return v2Requests.get();
  }

  public int tokenRequests() {
    return tokenRequests.get();
  }

  private void v2(HttpExchange ex) throws IOException {
    java.util.regex.Matcher m = MANIFEST.matcher(ex.getRequestURI().getPath());
    if (m.matches()) {
      manifest(ex, m.group(1), m.group(2));
      return;
    }
    v2Requests.incrementAndGet();
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    boolean ok =
        switch (challenge) {
          case NONE -> true;
          case BASIC -> basic.equals(auth);
          case BEARER ->
              auth != null && auth.startsWith("Bearer ") && tokens.contains(auth.substring(7));
        };
    if (!ok) {
      ex.getResponseHeaders().add("WWW-Authenticate", challengeHeader());
    }
    answer(ex, ok ? 200 : 401, "{}");
  }

  private static final java.util.regex.Pattern MANIFEST =
      java.util.regex.Pattern.compile("/v2/(.+)/manifests/([^/]+)");

  private void manifest(HttpExchange ex, String repository, String tag) throws IOException {
    manifestRequests.incrementAndGet();
    lastAccept = String.valueOf(ex.getRequestHeaders().getFirst("Accept"));
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    boolean allowed =
        switch (challenge) {
          case NONE -> true;
          case BASIC -> basic.equals(auth);
          case BEARER ->
              auth != null
                  && auth.startsWith("Bearer ")
                  && pullScopes.getOrDefault(auth.substring(7), Set.of()).contains(repository);
        };
    if (!allowed) {
      ex.getResponseHeaders()
          .add(
              "WWW-Authenticate",
              challenge == Challenge.BASIC
                  ? "Basic realm=\"fake\""
                  : "Bearer realm=\"http://"
                      + address()
                      + "/token\",service=\"fake-registry\",scope=\"repository:"
                      + repository
                      + ":pull\"");
      headOnly(ex, 401);
      return;
    }
    headOnly(ex, images.contains(repository + ":" + tag) ? 200 : 404);
  }

  private static void headOnly(HttpExchange ex, int status) throws IOException {
    ex.getResponseHeaders().add("Content-Type", "application/vnd.oci.image.manifest.v1+json");
    ex.sendResponseHeaders(status, -1);
    ex.close();
  }

  private String challengeHeader() {
    return challenge == Challenge.BASIC
        ? "Basic realm=\"fake\""
        : "Bearer realm=\""
            + scheme
            + "://"
            + address()
            + "/token\",service=\"fake-registry\",scope=\"registry:catalog:*\"";
  }

  private void token(HttpExchange ex) throws IOException {
    tokenRequests.incrementAndGet();
    String query = ex.getRequestURI().getRawQuery();
    java.util.regex.Matcher pull =
        java.util.regex.Pattern.compile("scope=repository%3A([^&]+)%3Apull")
            .matcher(query == null ? "" : query);
    boolean repositoryScope = pull.find();
    boolean params =
        query != null
            && query.contains("service=fake-registry")
            && (query.contains("scope=registry%3Acatalog%3A*") || repositoryScope);
    if (!params || !basic.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      answer(ex, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}");
      return;
    }
    String token = UUID.randomUUID().toString();
    tokens.add(token);
    if (repositoryScope) {
      String repository = java.net.URLDecoder.decode(pull.group(1), StandardCharsets.UTF_8);
      Set<String> only = pullable;
      // as a token server does, an access it will not grant is left out of the token
      pullScopes.put(
          token, only == null || only.contains(repository) ? Set.of(repository) : Set.of());
    }
    answer(ex, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":300}");
  }

  private static void answer(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
