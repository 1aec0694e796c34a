package dev.pullsync.source;

import dev.pullsync.spec.IoWords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifier;
import org.eclipse.jgit.lib.SignatureVerifiers;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * {@code verify: {mode: head, keys: FILE}}: the head commit of the spec branch is applied only when
 * it carries a good signature by a trusted key. {@code FILE} is either an armored OpenPGP public
 * keyring ({@code gpg --export --armor}) or an SSH allowed-signers file (the format of {@code git
 * config gpg.ssh.allowedSignersFile}); which one is told by its content. OpenPGP signatures are
 * checked with BouncyCastle, SSH signatures with JGit's SSH signature verifier.
 */
public final class HeadSignatureVerifier implements CommitVerifier {
  private final Optional<OpenPgpSignatures> openPgp;
  private final Optional<Path> allowedSigners;
  private final Path keysFile;

  private HeadSignatureVerifier(
      Optional<OpenPgpSignatures> openPgp, Optional<Path> allowedSigners, Path keysFile) {
    this.openPgp = openPgp;
    this.allowedSigners = allowedSigners;
    this.keysFile = keysFile;
  }

  /**
   * Reads the trusted keys.
   *
   * @throws IOException when the file is missing, unreadable or holds no usable key
   */
  public static HeadSignatureVerifier fromKeysFile(Path keysFile) throws IOException {
    String text;
    try {
      text = Files.readString(keysFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IOException("cannot read " + keysFile + " (" + IoWords.file(e) + ")");
    }
    if (text.contains("-----BEGIN PGP PUBLIC KEY BLOCK-----")) {
      OpenPgpSignatures keys = OpenPgpSignatures.load(keysFile);
      if (keys.size() == 0) {
        throw new IOException(keysFile + " holds no OpenPGP public key");
      }
      return new HeadSignatureVerifier(Optional.of(keys), Optional.empty(), keysFile);
    }
    boolean anyKey =
        text.lines().map(String::strip).anyMatch(l -> !l.isEmpty() && !l.startsWith("#"));
    if (!anyKey) {
      throw new IOException(keysFile + " holds neither OpenPGP keys nor SSH allowed signers");
    }
    return new HeadSignatureVerifier(Optional.empty(), Optional.of(keysFile), keysFile);
  }

  /**
   * For {@link GitSource}: refuses the commit unless it is signed by a trusted key.
   *
   * @throws SourceException naming the commit and the key it was signed with
   */
  @Override
  public void verify(Repository repository, RevCommit commit) {
    SignatureVerdict verdict = check(repository, commit);
    if (!verdict.trusted()) {
      throw new SourceException("signature check failed, not applied: " + verdict.reason());
    }
  }

  /** Whether {@code commit} may be applied, and with which key it was signed. */
  public SignatureVerdict check(Repository repository, RevCommit commit) {
    String id = commit.abbreviate(7).name();
    byte[] signature = commit.getRawGpgSignature();
    if (signature == null) {
      return SignatureVerdict.refused(Optional.empty(), "commit " + id + " is not signed");
    }
    GpgConfig.GpgFormat format = SignatureVerifiers.getFormat(signature);
    if (format == GpgConfig.GpgFormat.OPENPGP) {
      return openPgp
          .map(keys -> keys.check(commit, signature))
          .orElseGet(() -> refusedFormat(id, "OpenPGP"));
    }
    if (format == GpgConfig.GpgFormat.SSH) {
      return allowedSigners
          .map(file -> checkSsh(repository, commit, file))
          .orElseGet(() -> refusedFormat(id, "SSH"));
    }
    return SignatureVerdict.refused(
        Optional.empty(),
        "commit " + id + " has a " + format + " signature, which is not supported");
  }

  private SignatureVerdict refusedFormat(String id, String format) {
    return SignatureVerdict.refused(
        Optional.empty(),
        "commit "
            + id
            + " has an "
            + format
            + " signature but "
            + keysFile
            + " holds no "
            + format
            + " keys");
  }

  private static SignatureVerdict checkSsh(Repository repository, RevCommit commit, Path file) {
    String id = commit.abbreviate(7).name();
    Config config = new Config();
    config.setString("gpg", null, "format", "ssh");
    config.setString("gpg", "ssh", "allowedSignersFile", file.toAbsolutePath().toString());
    try {
      SignatureVerifier.SignatureVerification result =
          SignatureVerifiers.verify(repository, new GpgConfig(config), commit);
      if (result == null) {
        return SignatureVerdict.refused(
            Optional.empty(), "commit " + id + ": no SSH signature verifier available");
      }
      Optional<String> key = Optional.ofNullable(result.keyFingerprint());
      String keyText = key.orElse("unknown key");
      boolean trusted =
          result.verified()
              && !result.expired()
              && result.trustLevel() != SignatureVerifier.TrustLevel.NEVER
              && result.trustLevel() != SignatureVerifier.TrustLevel.UNKNOWN;
      if (trusted) {
        return SignatureVerdict.trusted(
            keyText, "commit " + id + " has a good signature by SSH key " + keyText);
      }
      String why = result.message() == null ? "" : " (" + result.message() + ")";
      return SignatureVerdict.refused(
          key,
          "commit " + id + " is signed with SSH key " + keyText + ", which is not trusted" + why);
    } catch (IOException | RuntimeException e) {
      return SignatureVerdict.refused(
          Optional.empty(),
          "commit " + id + ": SSH signature cannot be checked: " + e.getClass().getSimpleName());
    }
  }
}
