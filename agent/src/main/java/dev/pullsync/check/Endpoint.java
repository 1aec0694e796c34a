package dev.pullsync.check;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/** Where a registry's {@code /v2/} endpoint is, from a {@code Registry.spec.server} value. */
final class Endpoint {
  private Endpoint() {}

  /** {@code host[:port]} of {@code host[:port][/path]} or a URL. */
  static String authority(String server) {
    String rest = server;
    int scheme = rest.indexOf("://");
    if (scheme >= 0) {
      rest = rest.substring(scheme + 3);
    }
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  /**
   * {@code <scheme>://host[:port]/v2/}: https, or http when the Registry says {@code insecure}. An
   * endpoint configured for the server ({@code checks.endpoints}, a mirror setting) replaces its
   * {@code host[:port]}; the scheme still follows the Registry. Docker Hub's historical {@code
   * index.docker.io} names serve {@code /v2/} at {@code registry-1.docker.io}.
   */
  static URI v2(String server, boolean insecure, Map<String, String> endpoints) {
    String authority = endpoints.getOrDefault(server, authority(server));
    String host = authority.toLowerCase(Locale.ROOT);
    if (host.equals("index.docker.io") || host.equals("docker.io")) {
      authority = "registry-1.docker.io";
    }
    return URI.create((insecure ? "http" : "https") + "://" + authority + "/v2/");
  }
}
