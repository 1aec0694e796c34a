package dev.pullsync.check;

import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.unseal.Credential;
import dev.pullsync.unseal.Unsealed;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verdict on every registry credential of a revision, checked before rollout. Verdicts are
 * remembered per (server, keyed fingerprint of the credential) for the process, so an unchanged
 * credential is checked once, not at every reconcile; a changed one is checked when it first
 * appears. An unreachable registry is logged once per credential and does not hold anything back.
 */
public final class LoginGate {
  private static final Logger LOG = LoggerFactory.getLogger(LoginGate.class);
  private static final int MAX_REMEMBERED = 10_000;

  private final BiFunction<RegistrySpec, Credential, LoginResult> login;
  private final boolean enabled;
  private final Map<String, LoginResult> verdicts = new HashMap<>();
  private ImageGate images = ImageGate.disabled();

  private LoginGate(BiFunction<RegistrySpec, Credential, LoginResult> login, boolean enabled) {
    this.login = login;
    this.enabled = enabled;
  }

  /** Checks with {@code login} (usually {@link RegistryLogin#check}). */
  public static LoginGate checking(BiFunction<RegistrySpec, Credential, LoginResult> login) {
    return new LoginGate(login, true);
  }

  /** Checks nothing: every credential rolls out. */
  public static LoginGate disabled() {
    return new LoginGate((s, c) -> LoginResult.unreachable("check disabled"), false);
  }

  /** This gate, also verifying each Registry's {@code verify} images with {@code gate}. */
  public LoginGate withImages(ImageGate gate) {
    this.images = gate;
    return this;
  }

  /** Per registry name with images to verify, the verdict on each (see {@link ImageGate}). */
  public Map<String, java.util.List<ImageResult>> images(Unsealed unsealed) {
    return images.verdicts(unsealed);
  }

  /** Per registry name, the registry's verdict on its credential in {@code unsealed}. */
  public synchronized Map<String, LoginResult> verdicts(Unsealed unsealed) {
    Map<String, LoginResult> out = new TreeMap<>();
    if (!enabled) {
      return out;
    }
    for (RegistrySpec registry : unsealed.spec().registries()) {
      Credential credential = unsealed.credentials().get(registry.name());
      if (credential == null) {
        continue;
      }
      String key =
          registry.server()
              + (registry.insecure() ? " http " : " https ")
              + unsealed.fingerprints().fingerprint(credential);
      LoginResult result = verdicts.get(key);
      if (result == null) {
        result = login.apply(registry, credential);
        remember(key, result);
        log(registry, result);
      }
      out.put(registry.name(), result);
    }
    return out;
  }

  private void remember(String key, LoginResult result) {
    if (verdicts.size() >= MAX_REMEMBERED) {
      verdicts.clear();
    }
    verdicts.put(key, result);
  }

  private static void log(RegistrySpec registry, LoginResult result) {
    switch (result.status()) {
      case OK ->
          LOG.info("registry {} accepted its credential: {}", registry.name(), result.reason());
      case REJECTED ->
          LOG.warn(
              "registry {} rejected the new credential ({}); previous credential kept",
              registry.name(),
              result.reason());
      case UNREACHABLE ->
          LOG.warn(
              "registry {} credential not checked (registry unreachable: {}); rolling out",
              registry.name(),
              result.reason());
    }
  }
}
