package dev.pullsync.unseal;

import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.spec.Location;
import dev.pullsync.spec.Problem;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The public key values are sealed for: from the controller's certificate ({@code kubeseal
 * --fetch-cert}, or {@code tls.crt}), which must not have expired, or from a bare {@code PUBLIC
 * KEY} PEM.
 */
public record SealingCertificate(PublicKey publicKey, Optional<X509Certificate> certificate) {

  /**
   * Reads the first certificate (else public key) in {@code pem}; {@code file} names it in
   * problems.
   *
   * @throws InvalidSpecException when there is none, it is not RSA, or the certificate expired
   *     before {@code now}
   */
  public static SealingCertificate parse(String pem, String file, Instant now) {
    PemObjects objects;
    try {
      objects = PemObjects.parse(pem);
    } catch (IllegalArgumentException e) {
      throw invalid(file, e.getMessage());
    }
    SealingCertificate found;
    if (!objects.certificates().isEmpty()) {
      X509Certificate cert = objects.certificates().get(0);
      if (cert.getNotAfter().toInstant().isBefore(now)) {
        throw invalid(
            file,
            "the certificate expired on "
                + cert.getNotAfter().toInstant()
                + "; fetch the controller's current one (kubeseal --fetch-cert)");
      }
      found = new SealingCertificate(cert.getPublicKey(), Optional.of(cert));
    } else if (!objects.publicKeys().isEmpty()) {
      found = new SealingCertificate(objects.publicKeys().get(0), Optional.empty());
    } else {
      throw invalid(file, "no CERTIFICATE or PUBLIC KEY found in the PEM data");
    }
    if (!(found.publicKey() instanceof RSAPublicKey)) {
      throw invalid(file, "not an RSA key (sealed-secrets keys are RSA)");
    }
    return found;
  }

  private static InvalidSpecException invalid(String file, String message) {
    return new InvalidSpecException(List.of(new Problem(new Location(file, 1), "", message)));
  }

  @Override
  public String toString() {
    return "SealingCertificate["
        + certificate.map(c -> c.getSubjectX500Principal().getName()).orElse("public key")
        + "]";
  }
}
