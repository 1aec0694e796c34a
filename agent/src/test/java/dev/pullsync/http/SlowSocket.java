package dev.pullsync.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A raw loopback client that sends part of a request and then stalls. */
final class SlowSocket implements AutoCloseable {
  private final Socket socket = new Socket();

  SlowSocket(int port, String partialRequest) {
    try {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(15_000);
      send(partialRequest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A webhook whose head has arrived but whose 1000-byte body trickles in. */
  static SlowSocket webhookBody(int port) {
    return new SlowSocket(
        port, "POST /hooks/git HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"ref\":");
  }

  /** A client that never finishes its request line. */
  static SlowSocket head(int port) {
    return new SlowSocket(port, "GET /heal");
  }

  void send(String more) throws IOException {
    socket.getOutputStream().write(more.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
  }

  /** Everything the server sends until it closes (blocks up to the socket timeout). */
  String readToClose() throws IOException {
    InputStream in = socket.getInputStream();
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
