package dev.pullsync.unseal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes a sealing key pair the way the sealed-secrets controller does: RSA (4096 bits by default),
 * and a self-signed certificate valid for ten years from now with a random 128-bit serial, {@code
 * CN=sealed-secret, O=sealed-secret}, CA basic constraints and the key usage {@code encipherOnly},
 * both critical, plus a subject key identifier.
 */
public final class SealingKeyGenerator {
  /** The controller's default key size. */
  public static final int DEFAULT_BITS = 4096;

  /** The controller's default certificate lifetime ({@code --key-ttl}, 10 × 365 days). */
  public static final Duration VALIDITY = Duration.ofDays(3650);

  static final String SUBJECT = "CN=sealed-secret,O=sealed-secret";

  private final Clock clock;
  private final SecureRandom random;

  public SealingKeyGenerator(Clock clock, SecureRandom random) {
    this.clock = clock;
    this.random = random;
  }

  /** A new key pair and its certificate. */
  public Generated generate(int bits) {
    try {
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), random);
      KeyPair pair = rsa.generateKeyPair();
      return new Generated(pair, certify(pair));
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("cannot generate a key pair: " + e.getClass().getName(), e);
    }
  }

  private X509Certificate certify(KeyPair pair)
      throws GeneralSecurityException, OperatorCreationException, CertIOException {
    Instant now = clock.instant();
    X500Name subject = new X500Name(SUBJECT);
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            new BigInteger(128, random),
            Date.from(now),
            Date.from(now.plus(VALIDITY)),
            subject,
            pair.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.encipherOnly));
    builder.addExtension(
        Extension.subjectKeyIdentifier,
        false,
        new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withRSA")
                    .setSecureRandom(random)
                    .build(pair.getPrivate())));
  }

  /** A generated key pair and its self-signed certificate. */
  public record Generated(KeyPair keyPair, X509Certificate certificate) {
    /** The private key with its certificate date, as a ring member. */
    public SealingKey sealingKey(String origin) {
      return new SealingKey(
          keyPair.getPrivate(),
          keyPair.getPublic(),
          java.util.Optional.of(certificate.getNotBefore().toInstant()),
          origin);
    }

    @Override
    public String toString() {
      return "Generated[" + certificate.getSubjectX500Principal() + "]";
    }
  }
}
