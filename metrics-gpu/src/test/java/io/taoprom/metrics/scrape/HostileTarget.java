package io.taoprom.metrics.scrape;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scrape target on loopback that misbehaves on purpose, written on raw sockets so that it can
 * do what no well-behaved server library would: send headers forever, redirect elsewhere, stall
 * in the middle of a body. It counts the connections it accepted and the ones still open, where
 * a connection counts as closed once the client has closed it (the server never closes first),
 * so a test sees whether the scrape collector let go of every connection.
 *
 * <p>Paths: {@code /good}, {@code /headers} (headers without end), {@code /redirect?to=URL}
 * (302), {@code /slow} (headers, then nothing), {@code /endless} (a body without end),
 * {@code /error} (500), {@code /badgzip}, {@code /bomb} (gzip of 64 MiB), {@code /garbage}, {@code /body} (what
 * {@link #body(String)} was given).
 */
final class HostileTarget implements AutoCloseable {

  /** 64 MiB of text in about 64 KiB of gzip. */
  private static final byte[] BOMB = bomb();

  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "hostile-target");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private volatile byte[] body = "neuron_up 1\n".getBytes(StandardCharsets.UTF_8);

  private HostileTarget(InetAddress address) throws IOException {
    server = new ServerSocket();
    server.bind(new InetSocketAddress(address, 0), 64);
    threads.execute(this::acceptLoop);
  }

  /** A target on 127.0.0.1. */
  static HostileTarget start() throws IOException {
    return new HostileTarget(InetAddress.getLoopbackAddress());
  }

  /** A target on another loopback address (127.0.0.2): another origin on the same machine. */
  static HostileTarget startOn(String address) throws IOException {
    return new HostileTarget(InetAddress.getByName(address));
  }

  String url(String path) {
    return "http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort() + path;
  }

  /** What {@code /body} serves. */
  void body(String text) {
    this.body = text.getBytes(StandardCharsets.UTF_8);
  }

  /** Connections the client has not closed yet. */
  int openConnections() {
    return open.get();
  }

  int acceptedConnections() {
    return accepted.get();
  }

  /** Requests received for {@code path} (without the query). */
  int requests(String path) {
    AtomicInteger n = requests.get(path);
    return n == null ? 0 : n.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        accepted.incrementAndGet();
        open.incrementAndGet();
        threads.execute(() -> serve(socket));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setSoTimeout(60_000);
      InputStream in = socket.getInputStream();
      String target = requestTarget(in);
      if (target != null) {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        answer(path, target, socket.getOutputStream());
      }
      // Never close first: wait for the client to, so an open connection stays counted.
      while (in.read() >= 0) {
        // drain until the client closes
      }
    } catch (SocketTimeoutException e) {
      // the client held the connection for a minute: it stays counted as open until then
    } catch (IOException e) {
      // reset by the client: closed
    } finally {
      open.decrementAndGet();
    }
  }

  /** Reads the request head; returns its target ("/good?x=1"), or null. */
  private static String requestTarget(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4 && head.size() < 65536) {
      int c = in.read();
      if (c < 0) {
        return null;
      }
      head.write(c);
      matched = c == end[matched] ? matched + 1 : c == '\r' ? 1 : 0;
    }
    String first = head.toString(StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
    String[] parts = first.split(" ");
    return parts.length >= 2 ? parts[1] : null;
  }

  private void answer(String path, String target, OutputStream out) throws IOException {
    switch (path) {
      case "/good" -> fixed(out, "200 OK", "", bytes("neuron_up 1\n"));
      case "/body" -> fixed(out, "200 OK", "", body);
      case "/error" -> fixed(out, "500 Internal Server Error", "", bytes("no\n"));
      case "/garbage" -> fixed(out, "200 OK", "", bytes("<html><body>502 Bad Gateway</body></html>\n"));
      case "/badgzip" -> fixed(out, "200 OK", "Content-Encoding: gzip\r\n", bytes("this is not gzip at all\n"));
      case "/bomb" -> fixed(out, "200 OK", "Content-Encoding: gzip\r\n", BOMB);
      case "/redirect" -> {
        String to = target.substring(target.indexOf("to=") + 3);
        out.write(("HTTP/1.1 302 Found\r\nLocation: " + to + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
      case "/headers" -> {
        out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.ISO_8859_1));
        byte[] header = ("X-Filler: " + "a".repeat(1000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 100_000; i++) { // 100 MB at most; a client that gives up stops it sooner
          out.write(header);
        }
      }
      case "/slow" -> {
        out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nslow".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
      case "/endless" -> {
        out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        byte[] chunk = ("2000\r\n" + "x 1\n".repeat(2048) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 100_000; i++) {
          out.write(chunk);
        }
      }
      default -> fixed(out, "404 Not Found", "", bytes("no such path\n"));
    }
  }

  private static byte[] bomb() {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
      byte[] line = "x 1\n".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 256; i++) {
        gz.write(line);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return zipped.toByteArray();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void fixed(OutputStream out, String status, String headers, byte[] body) throws IOException {
    out.write(("HTTP/1.1 " + status + "\r\nContent-Type: text/plain; version=0.0.4\r\n" + headers
        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
