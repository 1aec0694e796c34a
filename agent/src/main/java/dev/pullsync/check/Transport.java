package dev.pullsync.check;

import dev.pullsync.spec.CaBundle;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The HTTP clients registry requests go out on, one per trust: the system trust store, or a
 * Registry's own {@code caBundle} <em>instead of</em> it (a private registry's certificate must
 * chain to the CA the spec names; a public CA cannot vouch for it). Redirects are never followed.
 * Clients are cached per bundle text. Thread-safe.
 */
final class Transport {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient system = builder().build();
  private final Map<String, HttpClient> byBundle = new ConcurrentHashMap<>();

  /** The client for a registry trusting {@code bundle}, or the system trust store. */
  HttpClient client(Optional<CaBundle> bundle) {
    return bundle.map(b -> byBundle.computeIfAbsent(b.pem(), pem -> trusting(b))).orElse(system);
  }

  private static HttpClient trusting(CaBundle bundle) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      List<X509Certificate> certificates = bundle.certificates();
      for (int i = 0; i < certificates.size(); i++) {
        store.setCertificateEntry("ca-" + i, certificates.get(i));
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, trust.getTrustManagers(), null);
      return builder().sslContext(tls).build();
    } catch (GeneralSecurityException | java.io.IOException e) {
      // the spec stage parsed the bundle; this is a JVM without TLS support
      throw new IllegalStateException("cannot build a TLS context: " + e.getClass().getName());
    }
  }

  private static HttpClient.Builder builder() {
    return HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER);
  }
}
