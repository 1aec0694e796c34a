package dev.pullsync.testkit;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for TLS tests: its PEM (what a Registry's {@code caBundle}
 * holds) and server TLS contexts for {@code 127.0.0.1}, signed by it (or self-signed, or for
 * another name, or expired).
 */
public final class TestCa {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyPair key;
  private final X509Certificate certificate;

  /** A CA valid from yesterday for {@code days} days (negative: already expired). */
  public TestCa(String name, int days) {
    this.key = rsa();
    Instant now = Instant.now();
    Instant from = now.minus(days < 0 ? 10 : 1, ChronoUnit.DAYS);
    this.certificate =
        sign(
            new X500Name("CN=" + name),
            key,
            new X500Name("CN=" + name),
            key,
            from,
            now.plus(days, ChronoUnit.DAYS),
            true,
            null);
  }

  public TestCa(String name) {
    this(name, 30);
  }

  /** The CA certificate as PEM. */
  public String pem() {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(certificate);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  /** A server context whose certificate (for IP {@code ip}) this CA signed. */
  public SSLContext serverFor(String ip) {
    KeyPair server = rsa();
    Instant now = Instant.now();
    X509Certificate leaf =
        sign(
            new X500Name("CN=registry"),
            server,
            new X500Name(certificate.getSubjectX500Principal().getName()),
            key,
            now.minus(1, ChronoUnit.DAYS),
            now.plus(10, ChronoUnit.DAYS),
            false,
            ip);
    return context(server, leaf, certificate);
  }

  private static SSLContext context(KeyPair key, X509Certificate... chain) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      char[] pass = "test".toCharArray();
      store.setKeyEntry("server", key.getPrivate(), pass, chain);
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, pass);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(keys.getKeyManagers(), null, null);
      return tls;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate sign(
      X500Name subject,
      KeyPair subjectKey,
      X500Name issuer,
      KeyPair issuerKey,
      Instant from,
      Instant to,
      boolean ca,
      String ip) {
    try {
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              issuer,
              new BigInteger(64, RANDOM),
              Date.from(from),
              Date.from(to),
              subject,
              subjectKey.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      if (ca) {
        b.addExtension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        b.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(new GeneralName(GeneralName.iPAddress, ip)));
      }
      return new JcaX509CertificateConverter()
          .getCertificate(
              b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey.getPrivate())));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048, RANDOM);
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
