package dev.pullsync.check;

import dev.pullsync.spec.CaBundle;
import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.unseal.Credential;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * credentials go only where the registry's challenge points. Judged into a {@link LoginResult}:
 * accepted (200), rejected (401/403), untrusted (the TLS certificate does not chain to the system
 * trust store, or to the Registry's {@code caBundle} when it has one), http-not-insecure (the
 * registry speaks plain HTTP but is not marked {@code insecure}: found by an anonymous plain-HTTP
 * probe after the TLS handshake fails, so nothing is sent in clear), tls-marked-insecure (marked
 * {@code insecure} but its port completes a TLS handshake: found by a handshake that sends no
 * data), unreachable (connect refused, timeout, DNS, refused by the address policy, or an answer
 * the check cannot judge).
 */
public final class RegistryLogin {
  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Transport transport = new Transport();
  private final TransportFailure failures = new TransportFailure(transport);
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
    if (answer instanceof Answer.SpeaksTls t) {
      return LoginResult.tlsMarkedInsecure(t.reason());
    }
    if (answer instanceof Answer.TokenRefused t) {
      return LoginResult.rejected(t.reason());
    }
    Answer.Answered a = (Answer.Answered) answer;
    if (a.how().equals(ANONYMOUS) && a.status() == 400 && insecure) {
      // nginx (Harbor's front) answers plain HTTP on its TLS port with 400
      Answer probed = failures.tlsProbe(Endpoint.v2(server, insecure, endpoints), a);
      if (probed instanceof Answer.SpeaksTls t) {
        return LoginResult.tlsMarkedInsecure(t.reason());
      }
    }
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

    /** The registry is marked insecure but speaks TLS: nothing sent. */
    record SpeaksTls(String reason) implements Answer {}
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
      HttpResponse<Void> anonymous =
          RegistryRequests.send(
              http, RegistryRequests.request(uri, method, accept, Optional.empty()));
      if (anonymous.statusCode() != 401) {
        return new Answer.Answered(anonymous.statusCode(), ANONYMOUS);
      }
      String challenge = anonymous.headers().firstValue("WWW-Authenticate").orElse("");
      String scheme = challenge.split(" ", 2)[0].toLowerCase(Locale.ROOT);
      return switch (scheme) {
        case "basic" ->
            new Answer.Answered(
                RegistryRequests.send(
                        http,
                        RegistryRequests.request(uri, method, accept, Optional.of(login.basic())))
                    .statusCode(),
                "basic");
        case "bearer" ->
            bearer(http, uri, method, accept, params(challenge, scope), login, trust.insecure());
        default -> new Answer.NotChecked("unknown challenge '" + scheme + "'");
      };
    } catch (IOException e) {
      return failures.judge(e, uri, trust);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer.NotChecked("interrupted");
    } catch (IllegalArgumentException e) {
      return new Answer.NotChecked("bad address or challenge");
    }
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
        RegistryRequests.send(
            http,
            RegistryRequests.request(
                tokenUri(realm, params), "GET", List.of(), Optional.of(login.basic())),
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
        RegistryRequests.send(
                http,
                RegistryRequests.request(uri, method, accept, Optional.of("Bearer " + token.get())))
            .statusCode(),
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
