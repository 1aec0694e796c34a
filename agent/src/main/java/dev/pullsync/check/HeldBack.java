package dev.pullsync.check;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Why a registry's new credential is held back (the previous Secret data stays), per registry name:
 * its login verdict when that holds back (rejected, untrusted, plain HTTP), otherwise the first
 * {@code verify} image the registry denied it. Each reason names the check, the verdict and the fix
 * that fits the cause; never a credential.
 */
public final class HeldBack {
  private HeldBack() {}

  /** The registries whose new credential is held back, with why. */
  public static Map<String, String> reasons(
      Map<String, LoginGate.Checked> logins, Map<String, List<ImageGate.Checked>> images) {
    Map<String, String> out = new TreeMap<>();
    logins.forEach(
        (registry, login) -> {
          LoginResult result = login.result();
          if (result.status().holdsBack()) {
            out.put(
                registry,
                "registry "
                    + registry
                    + " login check: "
                    + result.status().display()
                    + " ("
                    + result.explain(registry)
                    + ")");
            return;
          }
          boolean accepted = result.status() == LoginResult.Status.ACCEPTED;
          images.getOrDefault(registry, List.of()).stream()
              .map(ImageGate.Checked::result)
              .filter(r -> r.status() == ImageResult.Status.DENIED)
              .findFirst()
              .ifPresent(
                  r ->
                      out.put(
                          registry,
                          "registry "
                              + registry
                              + " image check: "
                              + r.image()
                              + " denied ("
                              + r.explain(registry, accepted)
                              + ")"));
        });
    return out;
  }
}
