package dev.pullsync.unseal;

import dev.pullsync.spec.Spec;
import java.util.Map;
import java.util.Objects;

/**
 * The output of the unseal stage: the spec plus, per registry name, its decrypted credential. A
 * registry's credential holds {@code username}, {@code password} and optionally {@code email}; or
 * {@code .dockerconfigjson} for the whole-config forms. {@code fingerprints} computes keyed (HMAC)
 * fingerprints with a key derived from the key ring.
 */
public record Unsealed(Spec spec, Map<String, Credential> credentials, Fingerprinter fingerprints) {
  public Unsealed {
    Objects.requireNonNull(spec, "spec");
    credentials = Map.copyOf(credentials);
    Objects.requireNonNull(fingerprints, "fingerprints");
  }
}
