package dev.pullsync.source;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a commit may be applied under {@code verify: {mode: head}}.
 *
 * @param keyId the key the commit was signed with (OpenPGP key id or fingerprint, SSH key
 *     fingerprint), also when that key is not trusted; empty for an unsigned commit
 * @param reason one line for the report, naming the commit and the key
 */
public record SignatureVerdict(boolean trusted, Optional<String> keyId, String reason) {
  public SignatureVerdict {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(reason, "reason");
  }

  static SignatureVerdict trusted(String keyId, String reason) {
    return new SignatureVerdict(true, Optional.of(keyId), reason);
  }

  static SignatureVerdict refused(Optional<String> keyId, String reason) {
    return new SignatureVerdict(false, keyId, reason);
  }
}
