package dev.pullsync.check;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a registry said when asked, with one credential, for one image's manifest. {@code reason} is
 * in words (status codes, how it logged in), never a credential or token.
 */
public record ImageResult(String image, Status status, String reason) {
  public ImageResult {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
  }

  /** PULLABLE (200), NOT_FOUND (404), DENIED (401/403), UNREACHABLE (nothing checked). */
  public enum Status {
    PULLABLE,
    NOT_FOUND,
    DENIED,
    UNREACHABLE;

    public String display() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /** {@code <image>: <status> (<reason>)}. */
  public String describe() {
    return image + ": " + status.display() + " (" + reason + ")";
  }

  /**
   * The login verdicts, with a registry whose credential was denied an image it must pull turned
   * into a rejection: a denied image holds a new credential back as a rejected login does.
   */
  public static Map<String, LoginGate.Checked> holding(
      Map<String, LoginGate.Checked> logins, Map<String, List<ImageResult>> images) {
    Map<String, LoginGate.Checked> out = new TreeMap<>(logins);
    images.forEach(
        (registry, results) ->
            results.stream()
                .filter(r -> r.status() == Status.DENIED)
                .findFirst()
                .filter(
                    r ->
                        out.containsKey(registry)
                            && !out.get(registry).result().status().holdsBack())
                .ifPresent(
                    r -> {
                      LoginGate.Checked login = out.get(registry);
                      out.put(
                          registry,
                          new LoginGate.Checked(
                              login.registry(),
                              login.server(),
                              LoginResult.rejected("image " + r.describe()),
                              login.checkedAt()));
                    }));
    return out;
  }
}
