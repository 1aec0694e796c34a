package dev.pullsync.check;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Whether new registry credentials are checked before rollout ({@code checks.registryLogin}, off
 * with {@code --no-registry-check}) and where the check dials a server ({@code checks.endpoints}:
 * {@code server -> host:port}, a mirror setting; plain http only for Registries marked {@code
 * insecure}).
 */
public record LoginSettings(boolean enabled, Map<String, String> endpoints) {
  public LoginSettings {
    endpoints = Map.copyOf(Objects.requireNonNull(endpoints, "endpoints"));
  }

  /** How long an image verdict stands before the image is asked for again. */
  public static final java.time.Duration IMAGE_RECHECK = java.time.Duration.ofMinutes(5);

  /** Checking (or not), every registry dialled at its own address. */
  public LoginSettings(boolean enabled) {
    this(enabled, Map.of());
  }

  /** The gate these settings describe. */
  public LoginGate gate() {
    return gate(Clock.systemUTC());
  }

  /** The gate these settings describe, timing re-checks with {@code clock}. */
  public LoginGate gate(Clock clock) {
    if (!enabled) {
      return LoginGate.disabled();
    }
    RegistryLogin login = new RegistryLogin(endpoints);
    return LoginGate.checking(login::check, clock)
        .withImages(new ImageGate(new ManifestCheck(login)::check, clock, IMAGE_RECHECK));
  }
}
