package dev.pullsync.source;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Checks OpenPGP commit signatures ({@code gpgsig} headers, as {@code git commit -S} writes them)
 * against an armored public keyring file ({@code gpg --export --armor KEYID > keys.asc}), with
 * BouncyCastle. Every key in the file, primary or subkey, is trusted; revoked or expired keys are
 * not.
 */
final class OpenPgpSignatures {
  private final PGPPublicKeyRingCollection keys;

  private OpenPgpSignatures(PGPPublicKeyRingCollection keys) {
    this.keys = keys;
  }

  static OpenPgpSignatures load(Path armoredKeyring) throws IOException {
    try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(armoredKeyring))) {
      return new OpenPgpSignatures(
          new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator()));
    } catch (PGPException | RuntimeException e) {
      throw new IOException("cannot read OpenPGP public keys from " + armoredKeyring, e);
    }
  }

  int size() {
    return keys.size();
  }

  SignatureVerdict check(RevCommit commit, byte[] armoredSignature) {
    String id = commit.abbreviate(7).name();
    PGPSignature signature;
    try {
      signature = parse(armoredSignature);
    } catch (IOException | RuntimeException e) {
      return SignatureVerdict.refused(
          Optional.empty(), "commit " + id + ": unreadable OpenPGP signature");
    }
    String keyId = keyId(signature);
    PGPPublicKey key = findKey(signature);
    if (key == null) {
      return SignatureVerdict.refused(
          Optional.of(keyId),
          "commit " + id + " is signed with OpenPGP key " + keyId + ", which is not trusted");
    }
    if (key.hasRevocation()) {
      return SignatureVerdict.refused(
          Optional.of(keyId), "commit " + id + " is signed with revoked OpenPGP key " + keyId);
    }
    if (expiredAt(key, signature.getCreationTime())) {
      return SignatureVerdict.refused(
          Optional.of(keyId), "commit " + id + " is signed with expired OpenPGP key " + keyId);
    }
    try {
      signature.init(new BcPGPContentVerifierBuilderProvider(), key);
      signature.update(CommitPayload.withoutSignature(commit.getRawBuffer()));
      if (signature.verify()) {
        return SignatureVerdict.trusted(
            keyId, "commit " + id + " has a good signature by OpenPGP key " + keyId);
      }
    } catch (PGPException | RuntimeException e) {
      // falls through: a signature that cannot be checked is a bad one
    }
    return SignatureVerdict.refused(
        Optional.of(keyId), "commit " + id + " has a BAD signature claiming OpenPGP key " + keyId);
  }

  private PGPPublicKey findKey(PGPSignature signature) {
    return keys.getPublicKey(signature.getKeyID());
  }

  private static boolean expiredAt(PGPPublicKey key, Date when) {
    long valid = key.getValidSeconds();
    return valid > 0 && when.getTime() > key.getCreationTime().getTime() + valid * 1000;
  }

  /** The issuer fingerprint when the signature names it, else the 64-bit key id, in hex. */
  private static String keyId(PGPSignature signature) {
    PGPSignatureSubpacketVector hashed = signature.getHashedSubPackets();
    if (hashed != null && hashed.getIssuerFingerprint() != null) {
      return HexFormat.of()
          .withUpperCase()
          .formatHex(hashed.getIssuerFingerprint().getFingerprint());
    }
    return String.format("%016X", signature.getKeyID());
  }

  private static PGPSignature parse(byte[] armored) throws IOException {
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored))) {
      Object object = new JcaPGPObjectFactory(in).nextObject();
      if (object instanceof PGPSignatureList list && !list.isEmpty()) {
        return list.get(0);
      }
      throw new IOException("no signature packet");
    }
  }

  /** The bytes a commit signature covers: the raw commit without its {@code gpgsig} header. */
  static final class CommitPayload {
    private CommitPayload() {}

    static byte[] withoutSignature(byte[] raw) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
      int pos = 0;
      boolean skipping = false;
      while (pos < raw.length) {
        int end = pos;
        while (end < raw.length && raw[end] != '\n') {
          end++;
        }
        int next = Math.min(raw.length, end + 1);
        if (end == pos) {
          out.write(raw, pos, raw.length - pos);
          break;
        }
        if (startsWith(raw, pos, "gpgsig ")) {
          skipping = true;
        } else if (!(skipping && raw[pos] == ' ')) {
          skipping = false;
          out.write(raw, pos, next - pos);
        }
        pos = next;
      }
      return out.toByteArray();
    }

    private static boolean startsWith(byte[] raw, int pos, String prefix) {
      if (pos + prefix.length() > raw.length) {
        return false;
      }
      for (int i = 0; i < prefix.length(); i++) {
        if (raw[pos + i] != prefix.charAt(i)) {
          return false;
        }
      }
      return true;
    }
  }
}
