package dev.pullsync.check;

import dev.pullsync.spec.RegistrySpec;
import dev.pullsync.unseal.Credential;
import dev.pullsync.unseal.Unsealed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verdicts on every Registry's {@code verify} images, per registry name. Cached per (server,
 * keyed fingerprint of the credential, image) and asked again at most every {@code recheck}, so a
 * new credential is checked when it first appears and a current one on the schedule, a few minutes
 * apart at most.
 */
public final class ImageGate {
  private static final Logger LOG = LoggerFactory.getLogger(ImageGate.class);
  private static final int MAX_REMEMBERED = 10_000;

  /** The check: a registry, its credential and an image to a verdict. */
  @FunctionalInterface
  public interface Check {
    ImageResult check(RegistrySpec registry, Credential credential, String image);
  }

  /** One image's verdict and when the registry was asked for it. */
  public record Checked(ImageResult result, Instant checkedAt) {
    public Checked {
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(checkedAt, "checkedAt");
    }
  }

  private final Check check;
  private final Clock clock;
  private final Duration recheck;
  private final Map<String, Checked> seen = new HashMap<>();

  public ImageGate(Check check, Clock clock, Duration recheck) {
    this.check = check;
    this.clock = clock;
    this.recheck = recheck;
  }

  /** Checks nothing. */
  public static ImageGate disabled() {
    return new ImageGate(null, Clock.systemUTC(), Duration.ZERO);
  }

  /** Per registry with images to verify, one verdict per image, in spec order. */
  public Map<String, List<Checked>> verdicts(Unsealed unsealed) {
    return verdicts(unsealed, Set.of());
  }

  /**
   * As {@link #verdicts(Unsealed)}, not asking the registries whose server is in {@code notAsked}
   * (their images are not-checked), as the login check does for {@code pullsync plan}.
   */
  public synchronized Map<String, List<Checked>> verdicts(Unsealed unsealed, Set<String> notAsked) {
    Map<String, List<Checked>> out = new TreeMap<>();
    if (check == null) {
      return out;
    }
    for (RegistrySpec registry : unsealed.spec().registries()) {
      Credential credential = unsealed.credentials().get(registry.name());
      if (credential == null || registry.verify().isEmpty()) {
        continue;
      }
      String prefix =
          registry.server()
              + (registry.insecure() ? " http " : " https ")
              + unsealed.fingerprints().fingerprint(credential)
              + " ";
      List<Checked> results = new ArrayList<>();
      for (String image : registry.verify()) {
        results.add(
            notAsked.contains(registry.server())
                ? new Checked(
                    new ImageResult(
                        image,
                        ImageResult.Status.NOT_CHECKED,
                        "new server: not asked before the change is reviewed"),
                    clock.instant())
                : verdict(prefix + image, registry, credential, image));
      }
      out.put(registry.name(), results);
    }
    return out;
  }

  private Checked verdict(String key, RegistrySpec registry, Credential credential, String image) {
    Instant now = clock.instant();
    Checked before = seen.get(key);
    if (before != null && before.checkedAt().plus(recheck).isAfter(now)) {
      return before;
    }
    ImageResult result = check.check(registry, credential, image);
    if (seen.size() >= MAX_REMEMBERED) {
      seen.clear();
    }
    Checked fresh = new Checked(result, now);
    seen.put(key, fresh);
    if (before == null || !before.result().equals(result)) {
      LOG.info("registry {} image {}", registry.name(), result.describe());
    }
    return fresh;
  }
}
