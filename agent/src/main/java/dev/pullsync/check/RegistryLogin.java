package dev.pullsync.check;

import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.unseal.Credential;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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
 * One login against a registry's {@code /v2/} endpoint, as {@code docker login} does it: an
 * anonymous GET; on a {@code Basic} challenge the same GET with Basic credentials; on a {@code
 * Bearer realm=...,service=...,scope=...} challenge a token from the realm (Basic credentials,
 * service and scope parameters), then the GET with that token. No redirect is followed, so
 * credentials go only where the registry's challenge points. A connect, DNS, TLS or timeout failure
 * is {@link LoginResult.Status#UNREACHABLE}: nothing was checked.
 */
public final class RegistryLogin {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http;
  private final Map<String, String> endpoints;

  /** Dials each registry at its own address. */
  public RegistryLogin() {
    this(Map.of());
  }

  /**
   * @param endpoints where to dial for a server ({@code server -> host:port}), as a mirror setting;
   *     servers not named are dialled at their own address
   */
  public RegistryLogin(Map<String, String> endpoints) {
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.endpoints = Map.copyOf(endpoints);
  }

  /** Logs in to {@code registry}'s server with what {@code credential} holds for it. */
  public LoginResult check(RegistrySpec registry, Credential credential) {
    return check(registry.server(), registry.insecure(), credential);
  }

  /**
   * Logs in to {@code server} with what {@code credential} holds for it, over plain http only when
   * {@code insecure} (the Registry says so), https otherwise.
   */
  public LoginResult check(String server, boolean insecure, Credential credential) {
    Optional<Login> login = Login.of(server, credential);
    if (login.isEmpty()) {
      return LoginResult.unreachable("the credential holds no username and password for it");
    }
    Answer answer =
        exchange(
            Endpoint.v2(server, insecure, endpoints),
            "GET",
            List.of(),
            login.get(),
            insecure,
            Optional.empty());
    if (answer instanceof Answer.NotChecked n) {
      return LoginResult.unreachable(n.reason());
    }
    if (answer instanceof Answer.TokenRefused t) {
      return LoginResult.rejected(t.reason());
    }
    Answer.Answered a = (Answer.Answered) answer;
    if (a.how().equals(ANONYMOUS)) {
      return a.status() == 200
          ? LoginResult.ok("no login needed (200)")
          : LoginResult.unreachable("/v2/ answered " + a.status());
    }
    return switch (a.status()) {
      case 200 -> LoginResult.ok(a.how() + " login accepted (200)");
      case 401, 403 -> LoginResult.rejected(String.valueOf(a.status()));
      default -> LoginResult.unreachable("/v2/ answered " + a.status());
    };
  }

  /** The {@code /v2/} URI this check dials for {@code server}. */
  URI v2(String server, boolean insecure) {
    return Endpoint.v2(server, insecure, endpoints);
  }

  /** How the anonymous first request is named in an {@link Answer.Answered}. */
  static final String ANONYMOUS = "anonymous";

  /**
   * What a registry answered one request after the challenge dance, the one place it is done.
   * {@code Answered.how} is {@value #ANONYMOUS}, {@code basic} or {@code bearer token}.
   */
  sealed interface Answer {
    record Answered(int status, String how) implements Answer {}

    /** The token endpoint refused the credential (401/403). */
    record TokenRefused(String reason) implements Answer {}

    /** Nothing was checked: no answer, a refused address, an unusable challenge. */
    record NotChecked(String reason) implements Answer {}
  }

  /**
   * Sends {@code method} to {@code uri} as {@code docker} does: anonymously; on a {@code Basic}
   * challenge again with Basic credentials; on a {@code Bearer} challenge with a token from its
   * realm, asked for {@code scope} when given (else the challenge's own scope).
   */
  Answer exchange(
      URI uri,
      String method,
      List<String> accept,
      Login login,
      boolean insecure,
      Optional<String> scope) {
    try {
      HttpResponse<Void> anonymous = send(request(uri, method, accept, Optional.empty()));
      if (anonymous.statusCode() != 401) {
        return new Answer.Answered(anonymous.statusCode(), ANONYMOUS);
      }
      String challenge = anonymous.headers().firstValue("WWW-Authenticate").orElse("");
      String scheme = challenge.split(" ", 2)[0].toLowerCase(Locale.ROOT);
      return switch (scheme) {
        case "basic" ->
            new Answer.Answered(
                send(request(uri, method, accept, Optional.of(login.basic()))).statusCode(),
                "basic");
        case "bearer" -> bearer(uri, method, accept, params(challenge, scope), login, insecure);
        default -> new Answer.NotChecked("unknown challenge '" + scheme + "'");
      };
    } catch (NotDialled e) {
      return new Answer.NotChecked(e.getMessage());
    } catch (IOException e) {
      return new Answer.NotChecked(e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer.NotChecked("interrupted");
    } catch (IllegalArgumentException e) {
      return new Answer.NotChecked("bad address or challenge");
    }
  }

  private Answer bearer(
      URI uri,
      String method,
      List<String> accept,
      Map<String, String> params,
      Login login,
      boolean insecure)
      throws IOException, InterruptedException {
    String realm = params.getOrDefault("realm", "");
    URI realmUri = URI.create(realm);
    if (!"https".equalsIgnoreCase(realmUri.getScheme())
        && !(insecure && "http".equalsIgnoreCase(realmUri.getScheme()))) {
      return new Answer.NotChecked("token realm is not https; credential not sent");
    }
    HttpResponse<String> answer =
        send(
            request(tokenUri(realm, params), "GET", List.of(), Optional.of(login.basic())),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() == 401 || answer.statusCode() == 403) {
      return new Answer.TokenRefused("token endpoint answered " + answer.statusCode());
    }
    if (answer.statusCode() != 200) {
      return new Answer.NotChecked("token endpoint answered " + answer.statusCode());
    }
    Optional<String> token = token(answer.body());
    if (token.isEmpty()) {
      return new Answer.NotChecked("token endpoint gave no token");
    }
    return new Answer.Answered(
        send(request(uri, method, accept, Optional.of("Bearer " + token.get()))).statusCode(),
        "bearer token");
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

  private HttpResponse<Void> send(HttpRequest request) throws IOException, InterruptedException {
    return send(request, HttpResponse.BodyHandlers.discarding());
  }

  /** Every request goes out here, through the process's {@link Outbound} address policy. */
  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
      throws IOException, InterruptedException {
    if (!Outbound.permits(request.uri())) {
      throw new NotDialled(request.uri());
    }
    return http.send(request, body);
  }

  /** A request the address policy refused: nothing was sent. */
  private static final class NotDialled extends IOException {
    NotDialled(URI uri) {
      super(
          "not dialled: "
              + uri.getHost()
              + " is not a loopback address and this process allows loopback only");
    }
  }

  private static HttpRequest request(
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

  private static Map<String, String> params(String challenge, Optional<String> scope) {
    Map<String, String> out = new TreeMap<>();
    Matcher m = PARAM.matcher(challenge);
    while (m.find()) {
      out.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
    }
    scope.ifPresent(s -> out.put("scope", s));
    return out;
  }
}
