package dev.pullsync.check;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one gate every outbound registry request passes (login checks, token realms), with an address
 * policy: {@link Policy#ANY} in production, {@link Policy#LOOPBACK_ONLY} for the demo, the tests
 * and the benchmarks, so that nothing they run can reach a host on the user's network (the bundled
 * example names a private address). The policy is process-wide: the environment variable {@code
 * PULLSYNC_OUTBOUND=loopback-only} (or the system property {@code pullsync.outbound}) sets it at
 * start (the build sets it for every test and the processes tests start), and {@link #restrict}
 * tightens it. Every destination asked for is recorded, dialled or refused, so a test can prove
 * what a run opened.
 */
public final class Outbound {
  /** Which addresses requests may go to. */
  public enum Policy {
    ANY,
    LOOPBACK_ONLY
  }

  /** One destination a request was for: {@code host:port} and whether it was allowed. */
  public record Destination(String hostPort, boolean allowed) {}

  private static final int MAX_RECORDED = 1_000;
  private static final Pattern IP_LITERAL =
      Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
  private static volatile Policy policy =
      "loopback-only"
              .equals(System.getProperty("pullsync.outbound", System.getenv("PULLSYNC_OUTBOUND")))
          ? Policy.LOOPBACK_ONLY
          : Policy.ANY;
  private static final Deque<Destination> RECORDED = new ArrayDeque<>();
  private static long total;

  private Outbound() {}

  /** Allows loopback destinations only, from now on, for this process. */
  public static void restrict() {
    policy = Policy.LOOPBACK_ONLY;
  }

  public static Policy policy() {
    return policy;
  }

  /** The destinations asked for lately (the last 1,000), oldest first. */
  public static synchronized List<Destination> recorded() {
    return List.copyOf(RECORDED);
  }

  /** How many destinations were asked for so far: a mark for {@link #recordedSince}. */
  public static synchronized long mark() {
    return total;
  }

  /** The destinations asked for after {@code mark} (of the last 1,000), oldest first. */
  public static synchronized List<Destination> recordedSince(long mark) {
    List<Destination> all = List.copyOf(RECORDED);
    long first = total - all.size();
    return all.subList((int) Math.max(0, Math.min(all.size(), mark - first)), all.size());
  }

  /**
   * Whether a request to {@code uri} may be sent: under {@link Policy#LOOPBACK_ONLY} only when
   * every address its host resolves to is a loopback address. A refused request is never dialled.
   */
  static boolean permits(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost();
    int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(uri.getScheme());
    boolean allowed = policy == Policy.ANY || isLoopback(host);
    record(new Destination(host + ":" + port, allowed));
    return allowed;
  }

  /**
   * Loopback by its literal address or the name {@code localhost}; any other name is refused
   * without a lookup, since even a DNS query would leave the machine.
   */
  private static boolean isLoopback(String host) {
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!IP_LITERAL.matcher(bare).matches()) {
      return false;
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress(); // a literal: no lookup
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static int defaultPort(String scheme) {
    return "http".equals(scheme == null ? "" : scheme.toLowerCase(Locale.ROOT)) ? 80 : 443;
  }

  private static synchronized void record(Destination destination) {
    if (RECORDED.size() == MAX_RECORDED) {
      RECORDED.removeFirst();
    }
    RECORDED.addLast(destination);
    total++;
  }
}
