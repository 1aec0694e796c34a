package dev.pullsync.unseal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * The RSA keys and certificates in PEM text (BouncyCastle's PEMParser): {@code RSA PRIVATE KEY}
 * (PKCS#1), {@code PRIVATE KEY} (PKCS#8), {@code CERTIFICATE}, {@code PUBLIC KEY} and {@code RSA
 * PUBLIC KEY}. Failures are {@link IllegalArgumentException}s whose messages are fixed words, fit
 * for a {@link dev.pullsync.spec.Problem}; parser messages are not copied.
 */
public record PemObjects(
    List<PrivateKey> privateKeys, List<X509Certificate> certificates, List<PublicKey> publicKeys) {
  public PemObjects {
    privateKeys = List.copyOf(privateKeys);
    certificates = List.copyOf(certificates);
    publicKeys = List.copyOf(publicKeys);
  }

  /** Reads every PEM block of {@code text}; blocks of other types are ignored. */
  public static PemObjects parse(String text) {
    List<PrivateKey> keys = new ArrayList<>();
    List<X509Certificate> certs = new ArrayList<>();
    List<PublicKey> publics = new ArrayList<>();
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    boolean encrypted = false;
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof PEMKeyPair pair) {
          keys.add(converter.getPrivateKey(pair.getPrivateKeyInfo()));
        } else if (o instanceof PrivateKeyInfo info) {
          keys.add(converter.getPrivateKey(info));
        } else if (o instanceof X509CertificateHolder holder) {
          certs.add(new JcaX509CertificateConverter().getCertificate(holder));
        } else if (o instanceof SubjectPublicKeyInfo info) {
          publics.add(converter.getPublicKey(info));
        } else if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
          encrypted = true;
        }
      }
    } catch (IOException | CertificateException | RuntimeException e) {
      throw new IllegalArgumentException("malformed PEM data");
    }
    if (encrypted) {
      throw new IllegalArgumentException(
          "encrypted private keys are not supported (decrypt it first, e.g. openssl rsa)");
    }
    for (PrivateKey k : keys) {
      if (!(k instanceof RSAPrivateCrtKey)) {
        throw new IllegalArgumentException("not an RSA private key (sealed-secrets keys are RSA)");
      }
    }
    return new PemObjects(keys, certs, publics);
  }

  /** The public half of an RSA private key in CRT form (PKCS#1 and PKCS#8 keys both are). */
  public static PublicKey publicKeyOf(PrivateKey key) {
    if (!(key instanceof RSAPrivateCrtKey crt)) {
      throw new IllegalArgumentException("not an RSA private key (sealed-secrets keys are RSA)");
    }
    try {
      return KeyFactory.getInstance("RSA")
          .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("RSA missing from the JDK", e);
    }
  }

  /**
   * PEM text for a private key (RSA keys as PKCS#1 {@code RSA PRIVATE KEY}, as the controller
   * writes {@code tls.key}), a certificate or a public key.
   */
  public static String write(Object keyOrCertificate) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(keyOrCertificate);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode PEM", e);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "PemObjects[privateKeys="
        + privateKeys.size()
        + ", certificates="
        + certificates.size()
        + ", publicKeys="
        + publicKeys.size()
        + "]";
  }
}
