package dev.pullsync.http;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * One connection of {@link SmallHttpServer}: where it is in its life, the bytes read so far and the
 * parsed head. Touched only by the server's I/O thread.
 */
final class Connection {
  /** Where a connection is: reading its request, being answered, writing, draining after. */
  enum State {
    READING,
    HANDLING,
    WRITING,
    LINGERING
  }

  final SocketChannel channel;
  private final HttpLimits limits;
  SelectionKey key;
  long deadline;
  State state = State.READING;
  byte[] buffer = new byte[1024];
  int length;
  RequestHead head;
  int headEnd;
  int bodyLength;
  ByteBuffer out;

  Connection(SocketChannel channel, long deadline, HttpLimits limits) {
    this.channel = channel;
    this.deadline = deadline;
    this.limits = limits;
  }

  /** Appends what was read, never more than the limits allow for a head and body. */
  void append(byte[] bytes, int n) {
    int cap = head == null ? limits.maxHeadBytes() + limits.maxBodyBytes() : headEnd + bodyLength;
    int take = Math.min(n, Math.max(0, cap - length));
    if (length + take > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(length + take, buffer.length * 2));
    }
    System.arraycopy(bytes, 0, buffer, length, take);
    length += take;
  }

  /**
   * Parses the head once it is complete and checks it against the limits.
   *
   * @return the answer refusing the request (400, 411, 413, 431), or null: then {@link #head} is
   *     set when the head was complete and acceptable, and still null while more bytes are needed
   */
  HttpResponse parseHead() {
    int end = RequestHead.end(buffer, length);
    if (end < 0 || end > limits.maxHeadBytes()) {
      return length >= limits.maxHeadBytes()
          ? HttpResponse.text(431, "request header too large\n")
          : null;
    }
    RequestHead parsed;
    try {
      parsed = RequestHead.parse(buffer, end);
    } catch (RequestHead.Malformed e) {
      return HttpResponse.text(400, "bad request\n");
    }
    var declared = parsed.contentLength();
    if (declared.isEmpty()) {
      return HttpResponse.text(411, "Content-Length required\n");
    }
    if (declared.getAsInt() > limits.maxBodyBytes()) {
      return HttpResponse.text(413, "payload too large\n");
    }
    head = parsed;
    headEnd = end;
    bodyLength = declared.getAsInt();
    return null;
  }
}
