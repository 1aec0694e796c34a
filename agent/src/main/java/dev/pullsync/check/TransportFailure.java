package dev.pullsync.check;

import dev.pullsync.check.RegistryLogin.Answer;
import dev.pullsync.check.RegistryLogin.Trust;
import dev.pullsync.spec.IoWords;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * Why a registry request got no answer, in words, and the two probes that tell a wrong transport
 * setting apart from an unreachable registry without sending a credential: a registry not marked
 * {@code insecure} that answers plain HTTP, and one marked {@code insecure} whose port speaks TLS.
 * Exception messages are not copied beyond these words (they can name internals).
 */
final class TransportFailure {
  private static final int PROBE_TIMEOUT_MILLIS = 5_000;

  private final Transport transport;

  TransportFailure(Transport transport) {
    this.transport = transport;
  }

  /** Judges a request to {@code uri} that failed with {@code e}, probing where that tells more. */
  Answer judge(IOException e, URI uri, Trust trust) {
    Answer failure = classify(e);
    if (!(failure instanceof Answer.NotChecked) || e instanceof RegistryRequests.NotDialled) {
      return failure;
    }
    if (!trust.insecure()) {
      return tlsFailed(e) ? plainHttpProbe(uri, failure) : failure;
    }
    return nothingListens(e) ? failure : tlsProbe(uri, failure);
  }

  /**
   * For a Registry marked insecure whose plain-HTTP request failed or was refused: does its port
   * complete a TLS handshake (or fail one on the certificate, which also proves TLS)? The handshake
   * sends no request and no credential.
   */
  Answer tlsProbe(URI uri, Answer otherwise) {
    if (!Outbound.permits(uri)) {
      return otherwise;
    }
    int port = uri.getPort() == -1 ? 80 : uri.getPort();
    try (SSLSocket socket = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), port), PROBE_TIMEOUT_MILLIS);
      socket.setSoTimeout(PROBE_TIMEOUT_MILLIS);
      socket.startHandshake();
      return speaksTls();
    } catch (IOException e) {
      return certificateFailure(e) ? speaksTls() : otherwise;
    } catch (NoSuchAlgorithmException e) {
      return otherwise;
    }
  }

  private static Answer speaksTls() {
    return new Answer.SpeaksTls("its port speaks TLS, not plain HTTP; credential not sent");
  }

  /**
   * After a TLS handshake failed or hung: does the server answer plain HTTP? An anonymous GET (no
   * credential) tells; if it answers, the Registry lacks {@code insecure: true}.
   */
  private Answer plainHttpProbe(URI uri, Answer failure) {
    try {
      URI plain = new URI("http", null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
      int status =
          RegistryRequests.send(
                  transport.client(Optional.empty()),
                  RegistryRequests.request(plain, "GET", List.of(), Optional.empty()))
              .statusCode();
      return new Answer.PlainHttp(
          "answers plain HTTP (" + status + "), not TLS; credential not sent");
    } catch (IOException | URISyntaxException e) {
      return failure;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failure;
    }
  }

  /**
   * A TLS failure is untrusted when a certificate check failed, plain HTTP when the server answered
   * TLS with plain HTTP; any other I/O failure is not checked (unreachable).
   */
  static Answer classify(IOException e) {
    if (e instanceof RegistryRequests.NotDialled) {
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

  private static boolean tlsFailed(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLException || t instanceof HttpConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** Nobody to probe: the port is closed, the name unknown, or nothing answered in time. */
  private static boolean nothingListens(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof HttpTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static boolean certificateFailure(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateException) {
        return true;
      }
    }
    return false;
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
