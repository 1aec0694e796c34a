package dev.pullsync.http;

import java.time.Duration;

/**
 * What one client may cost the HTTP side. A request must arrive whole (head and body) within {@code
 * requestTimeout} of its connection being accepted, or the connection is answered 408 and closed;
 * reading never holds a thread. Handlers run on {@code workers} threads with at most {@code queue}
 * requests waiting (more are answered 503); health and readiness are answered on the I/O thread and
 * never wait for a worker. At {@code maxConnections} open connections, the oldest one still sending
 * its request is closed to admit the new one, so a probe always gets in.
 */
public record HttpLimits(
    Duration requestTimeout,
    int maxHeadBytes,
    int maxBodyBytes,
    int maxConnections,
    int workers,
    int queue) {
  /** 10 s per request, 16 KiB head, 1 MiB body, 128 connections, 2 workers, 16 queued. */
  public static final HttpLimits DEFAULTS =
      new HttpLimits(Duration.ofSeconds(10), 16 << 10, 1 << 20, 128, 2, 16);

  public HttpLimits {
    if (requestTimeout.isNegative()
        || requestTimeout.isZero()
        || maxHeadBytes < 256
        || maxBodyBytes < 0
        || maxConnections < 1
        || workers < 1
        || queue < 0) {
      throw new IllegalArgumentException("invalid HTTP limits");
    }
  }

  /** The same limits with another request timeout (tests use short ones). */
  public HttpLimits withRequestTimeout(Duration timeout) {
    return new HttpLimits(timeout, maxHeadBytes, maxBodyBytes, maxConnections, workers, queue);
  }
}
