package dev.pullsync.check;

import dev.pullsync.spec.CaBundle;
import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.unseal.Credential;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.security.cert.CertificateException;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * One login against a registry's {@code /v2/} endpoint (the challenge and token dance is {@link
 * RegistrySession}'s), judged into a {@link LoginResult}: accepted (200), rejected (401/403),
 * untrusted (the TLS certificate does not chain to the system trust store, or to the Registry's
 * {@code caBundle} when it has one), http-not-insecure (the registry speaks plain HTTP but is not
 * marked {@code insecure}; nothing was sent in clear), unreachable (connect refused, timeout, DNS,
 * refused by the address policy, or an answer the check cannot judge).
 */
public final class RegistryLogin {
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
   * {@code insecure} (the Registry says so), https otherwise, trusting the system trust store.
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
    URI v2 = Endpoint.v2(server, insecure, endpoints);
    RegistrySession session = new RegistrySession(transport.client(caBundle), insecure);
    try {
      return verdict(session.get(v2, login.get()));
    } catch (RegistrySession.Refused e) {
      return e.plainHttp()
          ? LoginResult.plainHttp(e.getMessage())
          : LoginResult.unreachable(e.getMessage());
    } catch (RegistrySession.NotDialled e) {
      return LoginResult.unreachable(e.getMessage());
    } catch (IOException e) {
      LoginResult failure = failure(e);
      return !insecure && failure.status() == LoginResult.Status.UNREACHABLE && tlsFailed(e)
          ? plainHttpProbe(server, failure)
          : failure;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return LoginResult.unreachable("interrupted");
    } catch (IllegalArgumentException e) {
      return LoginResult.unreachable("bad address or challenge");
    }
  }

  /**
   * After a TLS handshake failed or hung: does the server answer plain HTTP? An anonymous GET (no
   * credential) tells; if it answers, the Registry lacks {@code insecure: true}.
   */
  private LoginResult plainHttpProbe(String server, LoginResult failure) {
    URI http = Endpoint.v2(server, true, endpoints);
    try {
      int status = new RegistrySession(transport.client(Optional.empty()), true).anonymous(http);
      return LoginResult.plainHttp(
          "answers plain HTTP (" + status + "), not TLS; credential not sent");
    } catch (IOException e) {
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

  private static LoginResult verdict(RegistrySession.Answer answer) {
    return switch (answer.status()) {
      case 200 ->
          LoginResult.accepted(
              answer.how().equals("anonymous")
                  ? "no login needed (200)"
                  : answer.how() + " login accepted (200)");
      case 401, 403 ->
          LoginResult.rejected(
              (answer.how().equals("token endpoint") ? "token endpoint answered " : "")
                  + answer.status());
      default -> LoginResult.unreachable(answer.how() + " request answered " + answer.status());
    };
  }

  /**
   * A TLS failure is untrusted when a certificate check failed, http-not-insecure when the server
   * answered TLS with plain HTTP; any other I/O failure is unreachable. Exception messages are not
   * copied beyond these words (they can name internals).
   */
  private static LoginResult failure(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateException) {
        return LoginResult.untrusted("certificate not trusted (" + certificateProblem(t) + ")");
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLException && speaksPlainHttp(t.getMessage())) {
        return LoginResult.plainHttp("answered TLS with plain HTTP; credential not sent");
      }
    }
    return LoginResult.unreachable(e.getClass().getSimpleName());
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
}
