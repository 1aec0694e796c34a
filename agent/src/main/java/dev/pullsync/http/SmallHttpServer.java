package dev.pullsync.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server on one non-blocking I/O thread (one request per connection). Requests are
 * read without holding any thread, so a client that sends slowly or never finishes costs one buffer
 * until its deadline ({@link HttpLimits}); whole requests go to a bounded worker pool, or are
 * answered on the I/O thread for {@link Routes#inline} routes. Chosen over the JDK's {@code
 * HttpServer}, whose only request time limit is a JVM-wide system property read once, and which
 * reads headers and bodies on the same executor threads that answer health probes.
 */
final class SmallHttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SmallHttpServer.class);
  private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Selector selector;
  private final ServerSocketChannel listener;
  private final Routes routes;
  private final HttpLimits limits;
  private final ThreadPoolExecutor workers;
  private final Queue<Runnable> fromWorkers = new ConcurrentLinkedQueue<>();
  private final Set<Connection> open = new LinkedHashSet<>();
  private final ByteBuffer scratch = ByteBuffer.allocate(16 << 10);
  private final Thread loop;
  private volatile boolean running = true;

  private SmallHttpServer(InetSocketAddress address, Routes routes, HttpLimits limits)
      throws IOException {
    this.routes = routes;
    this.limits = limits;
    this.selector = Selector.open();
    this.listener = ServerSocketChannel.open();
    listener.bind(address, 64);
    listener.configureBlocking(false);
    listener.register(selector, SelectionKey.OP_ACCEPT);
    BlockingQueue<Runnable> waiting =
        limits.queue() == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(limits.queue());
    this.workers =
        new ThreadPoolExecutor(
            limits.workers(),
            limits.workers(),
            0,
            TimeUnit.SECONDS,
            waiting,
            r -> daemon(r, "pullsync-http"));
    this.loop = daemon(this::run, "pullsync-http-io");
  }

  static SmallHttpServer start(InetSocketAddress address, Routes routes, HttpLimits limits)
      throws IOException {
    SmallHttpServer server = new SmallHttpServer(address, routes, limits);
    server.loop.start();
    return server;
  }

  int port() {
    return listener.socket().getLocalPort();
  }

  @Override
  public void close() {
    running = false;
    selector.wakeup();
    try {
      loop.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
  }

  private void run() {
    while (running) {
      try {
        selector.select(100);
        for (Runnable r = fromWorkers.poll(); r != null; r = fromWorkers.poll()) {
          r.run();
        }
        for (SelectionKey key : selector.selectedKeys()) {
          handle(key);
        }
        selector.selectedKeys().clear();
        sweep(System.nanoTime());
      } catch (Throwable t) {
        log.warn("HTTP I/O loop: {}; carrying on", t.toString());
      }
    }
    new LinkedHashSet<>(open).forEach(this::drop);
    quietly(listener);
    quietly(selector);
  }

  private void handle(SelectionKey key) throws IOException {
    if (!key.isValid()) {
      return;
    }
    if (key.isAcceptable()) {
      accept();
      return;
    }
    Connection client = (Connection) key.attachment();
    try {
      if (key.isReadable()) {
        read(client);
      } else if (key.isWritable()) {
        write(client);
      }
    } catch (IOException e) {
      drop(client);
    }
  }

  private void accept() throws IOException {
    for (SocketChannel channel = listener.accept(); channel != null; channel = listener.accept()) {
      if (open.size() >= limits.maxConnections() && !evictOldestReader()) {
        quietly(channel);
        continue;
      }
      channel.configureBlocking(false);
      Connection client =
          new Connection(channel, System.nanoTime() + limits.requestTimeout().toNanos(), limits);
      client.key = channel.register(selector, SelectionKey.OP_READ, client);
      open.add(client);
    }
  }

  private boolean evictOldestReader() {
    for (Connection c : open) {
      if (c.state == Connection.State.READING) {
        drop(c);
        return true;
      }
    }
    return false;
  }

  private void read(Connection client) throws IOException {
    scratch.clear();
    int n = client.channel.read(scratch);
    if (n < 0) {
      drop(client);
      return;
    }
    if (client.state != Connection.State.READING) {
      return; // lingering after the response: discard
    }
    client.append(scratch.array(), n);
    if (client.head == null && !readHead(client)) {
      return;
    }
    if (client.length - client.headEnd >= client.bodyLength) {
      dispatch(client);
    }
  }

  /** True once the head is parsed and acceptable; otherwise waiting for more or answered. */
  private boolean readHead(Connection client) throws IOException {
    HttpResponse refusal = client.parseHead();
    if (refusal != null) {
      respond(client, refusal);
      return false;
    }
    if (client.head == null) {
      return false;
    }
    if (client.head.expectsContinue()) {
      client.channel.write(ByteBuffer.wrap(HttpWire.CONTINUE));
    }
    return true;
  }

  private void dispatch(Connection client) {
    RequestHead head = client.head;
    InetAddress remote = client.channel.socket().getInetAddress();
    byte[] body =
        Arrays.copyOfRange(client.buffer, client.headEnd, client.headEnd + client.bodyLength);
    HttpRequest request = new HttpRequest(head.method(), head.path(), head.headers(), body, remote);
    Routes.Route route = routes.resolve(head.method(), head.path());
    client.state = Connection.State.HANDLING;
    client.key.interestOps(0);
    client.deadline = System.nanoTime() + limits.requestTimeout().toNanos();
    if (route.inline()) {
      respond(client, call(route, request));
      return;
    }
    try {
      workers.execute(
          () -> {
            HttpResponse response = call(route, request);
            fromWorkers.add(() -> respond(client, response));
            selector.wakeup();
          });
    } catch (RejectedExecutionException e) {
      respond(client, HttpResponse.text(503, "busy, retry\n").withHeader("Retry-After", "1"));
    }
  }

  private static HttpResponse call(Routes.Route route, HttpRequest request) {
    try {
      return route.handler().apply(request);
    } catch (RuntimeException e) {
      log.warn("HTTP handler for {} failed: {}", request.path(), e.getClass().getSimpleName());
      return HttpResponse.text(500, "internal error\n");
    }
  }

  private void respond(Connection client, HttpResponse response) {
    if (!client.channel.isOpen()) {
      return;
    }
    boolean head = client.head != null && client.head.method().equals("HEAD");
    client.out = ByteBuffer.wrap(HttpWire.encode(response, !head));
    client.state = Connection.State.WRITING;
    client.deadline = System.nanoTime() + limits.requestTimeout().toNanos();
    client.key.interestOps(SelectionKey.OP_WRITE);
    try {
      write(client);
    } catch (IOException e) {
      drop(client);
    }
  }

  private void write(Connection client) throws IOException {
    client.channel.write(client.out);
    if (!client.out.hasRemaining()) {
      // Half-close and drain what the client still sends, so it reads the answer, not a reset.
      client.channel.shutdownOutput();
      client.state = Connection.State.LINGERING;
      client.deadline = System.nanoTime() + LINGER_NANOS;
      client.key.interestOps(SelectionKey.OP_READ);
    }
  }

  private void sweep(long now) {
    for (Connection c : new LinkedHashSet<>(open)) {
      if (now - c.deadline < 0) {
        continue;
      }
      if (c.state == Connection.State.READING) {
        log.debug("HTTP client {} too slow: 408", c.channel.socket().getInetAddress());
        respond(c, HttpResponse.text(408, "request timeout\n"));
        c.deadline = Math.min(c.deadline, now + LINGER_NANOS);
      } else {
        drop(c);
      }
    }
  }

  private void drop(Connection client) {
    open.remove(client);
    if (client.key != null) {
      client.key.cancel();
    }
    quietly(client.channel);
  }

  private static void quietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // closing: nothing left to do
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
