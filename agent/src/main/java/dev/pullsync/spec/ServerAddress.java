package dev.pullsync.spec;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for {@code Registry.spec.server}: {@code host[:port][/path]} or an {@code
 * https://host[:port][/path]} URL, never with credentials, query or fragment. Messages never echo
 * the value (it might hold a password).
 */
final class ServerAddress {
  private static final Pattern HOST_NAME =
      Pattern.compile(
          "[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)*");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]+]");
  private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]*)*");

  private ServerAddress() {}

  /** Why {@code server} is not acceptable, if it is not. */
  static Optional<String> problem(String server) {
    String rest = server;
    int scheme = server.indexOf("://");
    if (scheme >= 0) {
      String authority = authority(server.substring(scheme + 3));
      if (authority.contains("@")) {
        return credentials();
      }
      if (!server.substring(0, scheme).equalsIgnoreCase("https")) {
        return Optional.of("must be host[:port][/path] or an https:// URL");
      }
      rest = server.substring(scheme + 3);
    } else if (authority(server).contains("@")) {
      return credentials();
    }
    if (rest.contains("?") || rest.contains("#")) {
      return Optional.of("must not have a query (?) or fragment (#)");
    }
    if (rest.chars().anyMatch(Character::isWhitespace)) {
      return Optional.of("must not contain spaces");
    }
    String authority = authority(rest);
    String path = rest.substring(authority.length());
    if (!PATH.matcher(path).matches()) {
      return Optional.of("path may hold only letters, digits, '/', '.', '_', '~' and '-'");
    }
    return hostPortProblem(authority);
  }

  private static Optional<String> hostPortProblem(String authority) {
    String host = authority;
    int colon = authority.lastIndexOf(':');
    if (colon >= 0 && !authority.endsWith("]")) {
      host = authority.substring(0, colon);
      String port = authority.substring(colon + 1);
      if (!port.matches("[0-9]{1,5}")
          || Integer.parseInt(port) < 1
          || Integer.parseInt(port) > 65535) {
        return Optional.of("port must be a number from 1 to 65535");
      }
    }
    if (host.isEmpty()) {
      return Optional.of("must start with a host name or IP address");
    }
    if (!HOST_NAME.matcher(host).matches() && !IPV6.matcher(host).matches()) {
      return Optional.of("host must be a DNS name or an IP address");
    }
    return Optional.empty();
  }

  private static String authority(String afterScheme) {
    int slash = afterScheme.indexOf('/');
    return slash < 0 ? afterScheme : afterScheme.substring(0, slash);
  }

  private static Optional<String> credentials() {
    return Optional.of(
        "must not contain credentials (user:password@): put them in username and password");
  }
}
