package dev.pullsync.spec;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code kind: Registry} document.
 *
 * @param server the {@code .dockerconfigjson} "auths" key: {@code host[:port][/path]} or a URL such
 *     as {@code https://index.docker.io/v1/}, never with credentials
 * @param expires optional date the credential expires, reported with a warning ahead of it
 * @param insecure the registry speaks plain HTTP: the only case in which its credential is sent
 *     over HTTP (by the login check); otherwise only over TLS
 * @param caBundle the CA certificates the login check trusts for this registry, instead of the
 *     system trust store; empty: the system trust store
 * @param verify images ({@code repository:tag}) the credential must be able to pull, checked with a
 *     manifest HEAD before rollout and on the schedule
 */
public record RegistrySpec(
    String name,
    String server,
    CredentialSource credential,
    Optional<LocalDate> expires,
    boolean insecure,
    Optional<CaBundle> caBundle,
    Location location,
    List<String> verify) {
  public RegistrySpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(caBundle, "caBundle");
    Objects.requireNonNull(location, "location");
    verify = List.copyOf(verify);
  }

  /** A registry trusted through the system trust store, with images to verify. */
  public RegistrySpec(
      String name,
      String server,
      CredentialSource credential,
      Optional<LocalDate> expires,
      boolean insecure,
      Location location,
      List<String> verify) {
    this(name, server, credential, expires, insecure, Optional.empty(), location, verify);
  }

  /** A registry with no images to verify. */
  public RegistrySpec(
      String name,
      String server,
      CredentialSource credential,
      Optional<LocalDate> expires,
      boolean insecure,
      Optional<CaBundle> caBundle,
      Location location) {
    this(name, server, credential, expires, insecure, caBundle, location, List.of());
  }

  /** A registry trusted through the system trust store, with no images to verify. */
  public RegistrySpec(
      String name,
      String server,
      CredentialSource credential,
      Optional<LocalDate> expires,
      boolean insecure,
      Location location) {
    this(name, server, credential, expires, insecure, Optional.empty(), location, List.of());
  }

  /** A TLS registry ({@code insecure: false}). */
  public RegistrySpec(
      String name,
      String server,
      CredentialSource credential,
      Optional<LocalDate> expires,
      Location location) {
    this(name, server, credential, expires, false, location);
  }
}
