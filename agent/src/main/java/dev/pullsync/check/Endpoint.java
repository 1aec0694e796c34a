package dev.pullsync.check;

import java.net.URI;
import java.util.Locale;

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
   * {@code <scheme>://host[:port]/v2/}: https, or http when allowed (local registries, tests).
   * Docker Hub's historical {@code index.docker.io} names serve {@code /v2/} at {@code
   * registry-1.docker.io}.
   */
  static URI v2(String server, boolean allowHttp) {
    String authority = authority(server);
    String host = authority.toLowerCase(Locale.ROOT);
    if (host.equals("index.docker.io") || host.equals("docker.io")) {
      authority = "registry-1.docker.io";
    }
    return URI.create((allowHttp ? "http" : "https") + "://" + authority + "/v2/");
  }
}
