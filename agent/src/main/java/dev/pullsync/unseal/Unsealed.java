package dev.pullsync.unseal;

import dev.pullsync.spec.Spec;
import java.util.Map;
import java.util.Objects;

/**
 * The output of the unseal stage: the spec plus, per registry name, its decrypted credential. A
 * registry's credential holds {@code username}, {@code password} and optionally {@code email}; or
 * {@code .dockerconfigjson} for the whole-config forms. {@code fingerprints} computes keyed (HMAC)
 * fingerprints with a key derived from the key ring; {@code keyAge} counts values sealed with a key
 * older than the ring's newest.
 */
public record Unsealed(
    Spec spec, Map<String, Credential> credentials, Fingerprinter fingerprints, KeyAge keyAge) {
  public Unsealed {
    Objects.requireNonNull(spec, "spec");
    credentials = Map.copyOf(credentials);
    Objects.requireNonNull(fingerprints, "fingerprints");
    Objects.requireNonNull(keyAge, "keyAge");
  }

  /** Unsealed values whose keys' ages are not known. */
  public Unsealed(Spec spec, Map<String, Credential> credentials, Fingerprinter fingerprints) {
    this(spec, credentials, fingerprints, KeyAge.NONE);
  }
}
