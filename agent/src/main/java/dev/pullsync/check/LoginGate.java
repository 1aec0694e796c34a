package dev.pullsync.check;

import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.unseal.Credential;
import dev.pullsync.unseal.Unsealed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verdict on every registry credential of a revision, checked before rollout. Verdicts are
 * remembered per (server, transport, keyed fingerprint of the credential): an accepted credential
 * is checked once, not at every reconcile. Any other verdict is asked again after a backoff (1
 * minute, doubling, at most 10) and at every new revision, so a registry's brief 401 (an LDAP blip)
 * holds nothing back until a restart. Thread-safe.
 */
public final class LoginGate {
  private static final Logger LOG = LoggerFactory.getLogger(LoginGate.class);
  private static final int MAX_REMEMBERED = 10_000;
  static final Duration FIRST_RETRY = Duration.ofMinutes(1);
  static final Duration MAX_RETRY = Duration.ofMinutes(10);

  /** Told of every registry actually asked (not of remembered verdicts): metrics. */
  public interface Listener {
    void checked(String registry, LoginResult result);
  }

  /** One Registry's verdict and when its registry was asked. */
  public record Checked(String registry, String server, LoginResult result, Instant checkedAt) {
    public Checked {
      Objects.requireNonNull(registry, "registry");
      Objects.requireNonNull(server, "server");
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(checkedAt, "checkedAt");
    }
  }

  private record Memory(LoginResult result, Instant checkedAt, int failures, String revision) {}

  private final BiFunction<RegistrySpec, Credential, LoginResult> login;
  private final boolean enabled;
  private final Clock clock;
  private final Map<String, Memory> memory = new HashMap<>();
  private volatile Listener listener = (registry, result) -> {};
  private ImageGate images = ImageGate.disabled();

  private LoginGate(
      BiFunction<RegistrySpec, Credential, LoginResult> login, boolean enabled, Clock clock) {
    this.login = login;
    this.enabled = enabled;
    this.clock = clock;
  }

  /** Checks with {@code login} (usually {@link RegistryLogin#check}). */
  public static LoginGate checking(BiFunction<RegistrySpec, Credential, LoginResult> login) {
    return checking(login, Clock.systemUTC());
  }

  /** Checks with {@code login}, timing re-checks with {@code clock}. */
  public static LoginGate checking(
      BiFunction<RegistrySpec, Credential, LoginResult> login, Clock clock) {
    return new LoginGate(login, true, clock);
  }

  /** Checks nothing: every credential rolls out. */
  public static LoginGate disabled() {
    return new LoginGate(
        (s, c) -> LoginResult.notChecked("check disabled"), false, Clock.systemUTC());
  }

  /** This gate, also verifying each Registry's {@code verify} images with {@code gate}. */
  public LoginGate withImages(ImageGate gate) {
    this.images = gate;
    return this;
  }

  /** Per registry name with images to verify, the verdict on each (see {@link ImageGate}). */
  public Map<String, java.util.List<ImageGate.Checked>> images(Unsealed unsealed) {
    return images.verdicts(unsealed);
  }

  /**
   * As {@link #images(Unsealed)}, not asking the registries whose server is in {@code notAsked}.
   */
  public Map<String, java.util.List<ImageGate.Checked>> images(
      Unsealed unsealed, Set<String> notAsked) {
    return images.verdicts(unsealed, notAsked);
  }

  /** Tells {@code listener} of every check from now on. */
  public void observe(Listener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Per registry name, the registry's verdict on its credential in {@code unsealed}. */
  public Map<String, Checked> verdicts(Unsealed unsealed, String revision) {
    return verdicts(unsealed, revision, Set.of());
  }

  /**
   * As {@link #verdicts(Unsealed, String)}, not asking the registries whose server is in {@code
   * notAsked} (their verdict is not-checked, with {@code why}).
   */
  public synchronized Map<String, Checked> verdicts(
      Unsealed unsealed, String revision, Set<String> notAsked) {
    Map<String, Checked> out = new TreeMap<>();
    if (!enabled) {
      return out;
    }
    for (RegistrySpec registry : unsealed.spec().registries()) {
      Credential credential = unsealed.credentials().get(registry.name());
      if (credential == null) {
        continue;
      }
      if (notAsked.contains(registry.server())) {
        LoginResult skipped =
            LoginResult.notChecked(
                "new server: not asked before the change is reviewed (the credential would be"
                    + " sent to it)");
        out.put(
            registry.name(),
            new Checked(registry.name(), registry.server(), skipped, clock.instant()));
        continue;
      }
      Memory m = recall(registry, credential, unsealed, revision);
      out.put(
          registry.name(),
          new Checked(registry.name(), registry.server(), m.result(), m.checkedAt()));
    }
    return out;
  }

  private Memory recall(
      RegistrySpec registry, Credential credential, Unsealed unsealed, String revision) {
    String key =
        registry.server()
            + (registry.insecure() ? " http " : " https ")
            + registry.caBundle().map(b -> Integer.toHexString(b.pem().hashCode())).orElse("-")
            + " "
            + unsealed.fingerprints().fingerprint(credential);
    Memory m = memory.get(key);
    Instant now = clock.instant();
    if (m != null && !due(m, now, revision)) {
      return m;
    }
    LoginResult result = login.apply(registry, credential);
    int failures =
        result.status() == LoginResult.Status.ACCEPTED ? 0 : (m == null ? 0 : m.failures()) + 1;
    Memory fresh = new Memory(result, now, failures, revision);
    if (memory.size() >= MAX_REMEMBERED) {
      memory.clear();
    }
    memory.put(key, fresh);
    listener.checked(registry.name(), result);
    log(registry, result);
    return fresh;
  }

  /**
   * Accepted: never again for this credential. Anything else: after a backoff, or a new revision.
   */
  private static boolean due(Memory m, Instant now, String revision) {
    if (m.result().status() == LoginResult.Status.ACCEPTED) {
      return false;
    }
    if (!m.revision().equals(revision)) {
      return true;
    }
    return !now.isBefore(m.checkedAt().plus(retryAfter(m.failures())));
  }

  /** 1, 2, 4, 8, then 10 minutes. */
  static Duration retryAfter(int failures) {
    Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 4));
    return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
  }

  private static void log(RegistrySpec registry, LoginResult result) {
    switch (result.status()) {
      case ACCEPTED ->
          LOG.info("registry {} accepted its credential: {}", registry.name(), result.reason());
      case REJECTED, UNTRUSTED, PLAIN_HTTP, TLS_MARKED_INSECURE ->
          LOG.warn(
              "registry {}: {} ({}); new credential held back, previous one kept",
              registry.name(),
              result.status().display(),
              result.explain(registry.name()));
      case UNREACHABLE, NOT_CHECKED ->
          LOG.warn(
              "registry {} credential not checked ({}: {}); rolling out",
              registry.name(),
              result.status().display(),
              result.reason());
    }
  }
}
