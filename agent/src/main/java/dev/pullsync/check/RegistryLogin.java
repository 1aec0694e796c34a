package dev.pullsync.check;

import dev.pullsync.spec.CaBundle;
import dev.pullsync.spec.IoWords;
import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.unseal.Credential;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One login against a registry's {@code /v2/} endpoint, as {@code docker login} does it: an
 * anonymous GET; on a {@code Basic} challenge the same GET with Basic credentials; on a {@code
 * Bearer realm=...,service=...,scope=...} challenge a token from the realm (Basic credentials,
 * service and scope parameters), then the GET with that token. No redirect is followed, so
 * credentials go only where the registry's challenge points. Judged into a {@link LoginResult}:
 * accepted (200), rejected (401/403), untrusted (the TLS certificate does not chain to the system
 * trust store, or to the Registry's {@code caBundle} when it has one), http-not-insecure (the
 * registry speaks plain HTTP but is not marked {@code insecure}: found by an anonymous plain-HTTP
 * probe after the TLS handshake fails, so nothing is sent in clear), unreachable (connect refused,
 * timeout, DNS, refused by the address policy, or an answer the check cannot judge).
 */
public final class RegistryLogin {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Transport transport = new Transport();
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
    this.endpoints = Map.copyOf(endpoints);
  }

  /** Logs in to {@code registry}'s server with what {@code credential} holds for it. */
  public LoginResult check(RegistrySpec registry, Credential credential) {
    return check(registry.server(), registry.insecure(), registry.caBundle(), credential);
  }

  /**
   * Logs in to {@code server} with what {@code credential} holds for it, over plain http only when
   * {@code insecure} (the Registry says so), https otherwise.
   */
  public LoginResult check(String server, boolean insecure, Credential credential) {
    return check(server, insecure, Optional.empty(), credential);
  }

  private LoginResult check(
      String server, boolean insecure, Optional<CaBundle> caBundle, Credential credential) {
    Optional<Login> login = Login.of(server, credential);
    if (login.isEmpty()) {
      return LoginResult.notChecked("the credential holds no username and password for it");
    }
    Answer answer =
        exchange(
            Endpoint.v2(server, insecure, endpoints),
            "GET",
            List.of(),
            login.get(),
            new Trust(insecure, caBundle),
            Optional.empty());
    if (answer instanceof Answer.NotChecked n) {
      return LoginResult.unreachable(n.reason());
    }
    if (answer instanceof Answer.Untrusted u) {
      return LoginResult.untrusted(u.reason());
    }
    if (answer instanceof Answer.PlainHttp p) {
      return LoginResult.plainHttp(p.reason());
    }
    if (answer instanceof Answer.TokenRefused t) {
      return LoginResult.rejected(t.reason());
    }
    Answer.Answered a = (Answer.Answered) answer;
    if (a.how().equals(ANONYMOUS)) {
      return a.status() == 200
          ? LoginResult.accepted("no login needed (200)")
          : LoginResult.unreachable("/v2/ answered " + a.status());
    }
    return switch (a.status()) {
      case 200 -> LoginResult.accepted(a.how() + " login accepted (200)");
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

    /** The TLS certificate did not chain to the trusted CAs: nothing was sent. */
    record Untrusted(String reason) implements Answer {}

    /** The registry (or its token realm) speaks plain HTTP, not marked insecure: nothing sent. */
    record PlainHttp(String reason) implements Answer {}
  }

  /**
   * How a registry is dialled: plain http only when {@code insecure}, otherwise TLS trusting {@code
   * caBundle} (instead of the system trust store) when given.
   */
  record Trust(boolean insecure, Optional<CaBundle> caBundle) {
    /** How {@code registry} says it is dialled. */
    static Trust of(RegistrySpec registry) {
      return new Trust(registry.insecure(), registry.caBundle());
    }
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
      Trust trust,
      Optional<String> scope) {
    HttpClient http = transport.client(trust.caBundle());
    try {
      HttpResponse<Void> anonymous = send(http, request(uri, method, accept, Optional.empty()));
      if (anonymous.statusCode() != 401) {
        return new Answer.Answered(anonymous.statusCode(), ANONYMOUS);
      }
      String challenge = anonymous.headers().firstValue("WWW-Authenticate").orElse("");
      String scheme = challenge.split(" ", 2)[0].toLowerCase(Locale.ROOT);
      return switch (scheme) {
        case "basic" ->
            new Answer.Answered(
                send(http, request(uri, method, accept, Optional.of(login.basic()))).statusCode(),
                "basic");
        case "bearer" ->
            bearer(http, uri, method, accept, params(challenge, scope), login, trust.insecure());
        default -> new Answer.NotChecked("unknown challenge '" + scheme + "'");
      };
    } catch (NotDialled e) {
      return new Answer.NotChecked(e.getMessage());
    } catch (IOException e) {
      Answer failure = failure(e);
      return !trust.insecure() && failure instanceof Answer.NotChecked && tlsFailed(e)
          ? plainHttpProbe(uri, failure)
          : failure;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer.NotChecked("interrupted");
    } catch (IllegalArgumentException e) {
      return new Answer.NotChecked("bad address or challenge");
    }
  }

  /**
   * After a TLS handshake failed or hung: does the server answer plain HTTP? An anonymous GET (no
   * credential) tells; if it answers, the Registry lacks {@code insecure: true}.
   */
  private Answer plainHttpProbe(URI uri, Answer failure) {
    try {
      URI plain = new URI("http", null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
      int status =
          send(
                  transport.client(Optional.empty()),
                  request(plain, "GET", List.of(), Optional.empty()))
              .statusCode();
      return new Answer.PlainHttp(
          "answers plain HTTP (" + status + "), not TLS; credential not sent");
    } catch (IOException | java.net.URISyntaxException e) {
      return failure;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failure;
    }
  }

  private static boolean tlsFailed(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLException || t instanceof HttpConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }

  /**
   * A TLS failure is untrusted when a certificate check failed, plain HTTP when the server answered
   * TLS with plain HTTP; any other I/O failure is not checked (unreachable). Exception messages are
   * not copied beyond these words (they can name internals).
   */
  private static Answer failure(IOException e) {
    if (e instanceof NotDialled) {
      return new Answer.NotChecked(e.getMessage());
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateException) {
        return new Answer.Untrusted("certificate not trusted (" + certificateProblem(t) + ")");
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLException && speaksPlainHttp(t.getMessage())) {
        return new Answer.PlainHttp("answered TLS with plain HTTP; credential not sent");
      }
    }
    return new Answer.NotChecked(IoWords.network(e));
  }

  private static String certificateProblem(Throwable t) {
    String message = t.getMessage() == null ? "" : t.getMessage();
    if (message.contains("No subject alternative") || message.contains("No name matching")) {
      return "name does not match";
    }
    if (message.contains("validity") || message.contains("expired")) {
      return "expired or not yet valid";
    }
    return "no trusted CA";
  }

  private static boolean speaksPlainHttp(String message) {
    return message != null
        && (message.contains("Unsupported or unrecognized SSL message")
            || message.contains("plaintext connection"));
  }

  private Answer bearer(
      HttpClient http,
      URI uri,
      String method,
      List<String> accept,
      Map<String, String> params,
      Login login,
      boolean insecure)
      throws IOException, InterruptedException {
    String realm = params.getOrDefault("realm", "");
    URI realmUri = URI.create(realm);
    if ("http".equalsIgnoreCase(realmUri.getScheme()) && !insecure) {
      return new Answer.PlainHttp("its token realm is plain http; credential not sent");
    }
    if (!"https".equalsIgnoreCase(realmUri.getScheme())
        && !"http".equalsIgnoreCase(realmUri.getScheme())) {
      return new Answer.NotChecked("its token realm is not an http(s) URL; credential not sent");
    }
    HttpResponse<String> answer =
        send(
            http,
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
        send(http, request(uri, method, accept, Optional.of("Bearer " + token.get()))).statusCode(),
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

  private static HttpResponse<Void> send(HttpClient http, HttpRequest request)
      throws IOException, InterruptedException {
    return send(http, request, HttpResponse.BodyHandlers.discarding());
  }

  /** Every request goes out here, through the process's {@link Outbound} address policy. */
  private static <T> HttpResponse<T> send(
      HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> body)
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
