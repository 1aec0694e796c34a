package dev.pullsync.check;

/**
 * Whether new registry credentials are checked before rollout ({@code checks.registryLogin}, off
 * with {@code --no-registry-check}) and whether plain http may be used ({@code checks.allowHttp}).
 */
public record LoginSettings(boolean enabled, boolean allowHttp) {
  /** The gate these settings describe. */
  public LoginGate gate() {
    return enabled ? LoginGate.checking(new RegistryLogin(allowHttp)::check) : LoginGate.disabled();
  }
}
