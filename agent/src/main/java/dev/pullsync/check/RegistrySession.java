package dev.pullsync.check;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that talks to a registry with a credential, as {@code docker login} and {@code
 * docker pull} do: an anonymous GET; on a {@code Basic} challenge the same GET with Basic
 * credentials; on a {@code Bearer realm=...,service=...,scope=...} challenge a token from the realm
 * (Basic credentials, service and scope), then the GET with that token. Any registry URL works
 * ({@code /v2/}, a manifest), so a login check and an image check share it. Every request passes
 * the {@link Outbound} address policy; redirects are never followed, so credentials go only where
 * the registry's challenge points, and over plain http only for an {@code insecure} registry.
 */
final class RegistrySession {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * The final answer to an authorized GET.
   *
   * @param status the HTTP status of the last request
   * @param how {@code anonymous}, {@code basic}, {@code bearer token} or {@code token endpoint}
   *     (the realm refused the credential)
   */
  record Answer(int status, String how) {}

  /** The registry asked for something this session will not do (the message says what). */
  static final class Refused extends Exception {
    private final boolean plainHttp;

    Refused(String message, boolean plainHttp) {
      super(message, null, false, false);
      this.plainHttp = plainHttp;
    }

    /** The refusal is about sending a credential over plain http. */
    boolean plainHttp() {
      return plainHttp;
    }
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

  private final HttpClient http;
  private final boolean insecure;

  RegistrySession(HttpClient http, boolean insecure) {
    this.http = http;
    this.insecure = insecure;
  }

  /** GETs {@code uri}, answering the registry's challenge with {@code login}. */
  Answer get(URI uri, Login login) throws IOException, InterruptedException, Refused {
    HttpResponse<Void> anonymous = send(uri, Optional.empty());
    if (anonymous.statusCode() != 401) {
      return new Answer(anonymous.statusCode(), "anonymous");
    }
    String challenge = anonymous.headers().firstValue("WWW-Authenticate").orElse("");
    String scheme = challenge.split(" ", 2)[0].toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "basic" -> new Answer(send(uri, Optional.of(login.basic())).statusCode(), "basic");
      case "bearer" -> bearer(uri, params(challenge), login);
      default -> throw new Refused("unknown challenge '" + scheme + "'", false);
    };
  }

  /** The status of an anonymous GET of {@code uri}: no credential is sent. */
  int anonymous(URI uri) throws IOException, InterruptedException {
    return send(uri, Optional.empty()).statusCode();
  }

  private Answer bearer(URI uri, Map<String, String> params, Login login)
      throws IOException, InterruptedException, Refused {
    String realm = params.getOrDefault("realm", "");
    String scheme = URI.create(realm).getScheme();
    if ("http".equalsIgnoreCase(scheme) && !insecure) {
      throw new Refused("its token realm is plain http; credential not sent", true);
    }
    if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
      throw new Refused("its token realm is not an http(s) URL", false);
    }
    HttpRequest tokenRequest = request(tokenUri(realm, params), Optional.of(login.basic()));
    HttpResponse<String> answer = send(tokenRequest, HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      return new Answer(answer.statusCode(), "token endpoint");
    }
    Optional<String> token = token(answer.body());
    if (token.isEmpty()) {
      throw new Refused("the token endpoint gave no token", false);
    }
    return new Answer(send(uri, Optional.of("Bearer " + token.get())).statusCode(), "bearer token");
  }

  private HttpResponse<Void> send(URI uri, Optional<String> authorization)
      throws IOException, InterruptedException {
    return send(request(uri, authorization), HttpResponse.BodyHandlers.discarding());
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
      throws IOException, InterruptedException {
    if (!Outbound.permits(request.uri())) {
      throw new NotDialled(request.uri());
    }
    return http.send(request, body);
  }

  private static HttpRequest request(URI uri, Optional<String> authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET();
    authorization.ifPresent(a -> b.header("Authorization", a));
    return b.build();
  }

  private static URI tokenUri(String realm, Map<String, String> params) {
    StringBuilder uri = new StringBuilder(realm);
    char sep = realm.contains("?") ? '&' : '?';
    for (String name : new String[] {"service", "scope"}) {
      if (params.containsKey(name)) {
        uri.append(sep).append(name).append('=');
        uri.append(URLEncoder.encode(params.get(name), StandardCharsets.UTF_8));
        sep = '&';
      }
    }
    return URI.create(uri.toString());
  }

  private static Optional<String> token(String body) {
    try {
      JsonNode root = JSON.readTree(body);
      for (String field : new String[] {"token", "access_token"}) {
        String value = root.path(field).asString("");
        if (!value.isEmpty()) {
          return Optional.of(value);
        }
      }
      return Optional.empty();
    } catch (JacksonException e) {
      return Optional.empty(); // its message could quote the token
    }
  }

  private static Map<String, String> params(String challenge) {
    Map<String, String> out = new TreeMap<>();
    Matcher m = PARAM.matcher(challenge);
    while (m.find()) {
      out.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
    }
    return out;
  }
}
