package dev.pullsync.spec;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A Registry's {@code spec.caBundle}: the PEM certificates (public material) the login check trusts
 * for that registry's TLS, instead of the system trust store.
 *
 * @param pem one or more {@code CERTIFICATE} PEM blocks
 * @param origin {@code inline}, or the path of the file in the repository it was read from
 */
public record CaBundle(String pem, String origin, Location location) {
  /** A bundle's file may not be larger than this. */
  static final int MAX_BYTES = 1 << 20;

  public CaBundle {
    Objects.requireNonNull(pem, "pem");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(location, "location");
  }

  /**
   * The certificates, in order.
   *
   * @throws IllegalArgumentException when the text holds no certificate or one does not parse
   */
  public List<X509Certificate> certificates() {
    if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
      throw new IllegalArgumentException("holds no PEM CERTIFICATE block");
    }
    try {
      return CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
          .stream()
          .map(X509Certificate.class::cast)
          .toList();
    } catch (CertificateException | RuntimeException e) {
      throw new IllegalArgumentException("is not valid PEM: a CERTIFICATE block does not parse");
    }
  }

  @Override
  public String toString() {
    return "CaBundle[" + origin + "]";
  }
}
