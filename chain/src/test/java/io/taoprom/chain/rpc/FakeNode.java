package io.taoprom.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-JVM Substrate node double for tests: a minimal RFC 6455 WebSocket server (and a plain
 * HTTP POST endpoint) over {@link ServerSocket} that hands every JSON-RPC request to a {@link
 * Handler}, which answers, errs, stalls, answers late, drops the connection or sends garbage —
 * the faults a real node cannot produce on demand. It records every request it received.
 */
public final class FakeNode implements AutoCloseable {

  /** Decides what happens to each request. Runs on a pool thread; may block. */
  @FunctionalInterface
  public interface Handler {
    void handle(Request request) throws Exception;
  }

  /** A request as received, for assertions. */
  public record Received(String method, JsonNode params, int connection) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final ServerSocket server;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-node");
    t.setDaemon(true);
    return t;
  });
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger connectionCount = new AtomicInteger();
  private volatile Handler handler;
  private volatile int refuseHandshakes;

  private FakeNode(Handler handler) throws IOException {
    this.handler = handler;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    pool.execute(this::acceptLoop);
  }

  public static FakeNode start(Handler handler) {
    try {
      return new FakeNode(handler);
    } catch (IOException e) {
      throw new AssertionError("cannot start the fake node", e);
    }
  }

  public URI wsUri() {
    return URI.create("ws://127.0.0.1:" + server.getLocalPort());
  }

  public URI httpUri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  public void handler(Handler h) {
    this.handler = h;
  }

  /** The next {@code n} connections are closed before the WebSocket handshake completes. */
  public void refuseHandshakes(int n) {
    this.refuseHandshakes = n;
  }

  /** Connections accepted so far (including refused ones). */
  public int connections() {
    return connectionCount.get();
  }

  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  public long count(String method) {
    return received().stream().filter(r -> r.method().equals(method)).count();
  }

  /** Drops every open connection without a close frame, like a network failure. */
  public void dropAll() {
    for (Connection c : connections) {
      c.drop();
    }
  }

  /** Sends a text frame to every open WebSocket connection. */
  public void broadcastRaw(String text) {
    for (Connection c : connections) {
      c.sendText(text);
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    dropAll();
    pool.shutdownNow();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        int n = connectionCount.incrementAndGet();
        pool.execute(() -> serve(s, n));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket, int number) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = socket.getInputStream();
      Map<String, String> headers = new HashMap<>();
      String requestLine = readHead(in, headers);
      if (requestLine == null) {
        return;
      }
      if (headers.containsKey("sec-websocket-key")) {
        if (refuseHandshakes > 0) {
          refuseHandshakes--;
          return;
        }
        Connection c = new Connection(socket, number, true);
        connections.add(c);
        try {
          c.handshake(headers.get("sec-websocket-key"));
          c.readFrames(in);
        } finally {
          connections.remove(c);
        }
      } else {
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = new DataInputStream(in).readNBytes(length);
        Connection c = new Connection(socket, number, false);
        c.dispatch(new String(body, StandardCharsets.UTF_8));
        c.awaitHttpAnswer();
      }
    } catch (IOException | InterruptedException gone) {
      // the client went away or we dropped it
    }
  }

  private static String readHead(InputStream in, Map<String, String> headers) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    String first = null;
    int prev = -1;
    while (true) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      if (b == '\n' && prev == '\r') {
        byte[] raw = line.toByteArray();
        String text = new String(raw, 0, raw.length - 1, StandardCharsets.ISO_8859_1);
        line.reset();
        if (text.isEmpty()) {
          return first;
        }
        if (first == null) {
          first = text;
        } else {
          int colon = text.indexOf(':');
          if (colon > 0) {
            headers.put(text.substring(0, colon).trim().toLowerCase(Locale.ROOT), text.substring(colon + 1).trim());
          }
        }
      } else {
        line.write(b);
      }
      prev = b;
    }
  }

  /** One client connection, WebSocket or a single HTTP exchange. */
  public final class Connection {
    private final Socket socket;
    private final int number;
    private final boolean websocket;
    private final Object writeLock = new Object();
    private final java.util.concurrent.CountDownLatch httpAnswered = new java.util.concurrent.CountDownLatch(1);

    Connection(Socket socket, int number, boolean websocket) {
      this.socket = socket;
      this.number = number;
      this.websocket = websocket;
    }

    public int number() {
      return number;
    }

    void handshake(String key) throws IOException {
      String accept;
      try {
        accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
            .digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\n\r\n";
      synchronized (writeLock) {
        socket.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
      }
    }

    void readFrames(InputStream raw) throws IOException {
      DataInputStream in = new DataInputStream(raw);
      ByteArrayOutputStream message = new ByteArrayOutputStream();
      try {
        while (true) {
          int b0 = in.readUnsignedByte();
          int b1 = in.readUnsignedByte();
          boolean fin = (b0 & 0x80) != 0;
          int opcode = b0 & 0x0f;
          long len = b1 & 0x7f;
          if (len == 126) {
            len = in.readUnsignedShort();
          } else if (len == 127) {
            len = in.readLong();
          }
          byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : null;
          byte[] payload = in.readNBytes((int) len);
          if (payload.length < len) {
            throw new EOFException();
          }
          if (mask != null) {
            for (int i = 0; i < payload.length; i++) {
              payload[i] ^= mask[i % 4];
            }
          }
          switch (opcode) {
            case 0x0, 0x1 -> {
              message.write(payload);
              if (fin) {
                String text = message.toString(StandardCharsets.UTF_8);
                message.reset();
                dispatch(text);
              }
            }
            case 0x8 -> {
              writeFrame(0x8, payload);
              return;
            }
            case 0x9 -> writeFrame(0xA, payload);
            default -> { }
          }
        }
      } catch (EOFException | SocketException closed) {
        // connection over
      }
    }

    void dispatch(String text) {
      JsonNode node;
      try {
        node = JSON.readTree(text);
      } catch (IOException e) {
        sendText("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}");
        return;
      }
      Request r = new Request(this, node.get("id"), node.get("method").asText(), node.get("params"));
      received.add(new Received(r.method(), r.params(), number));
      pool.execute(() -> {
        try {
          handler.handle(r);
        } catch (Exception e) {
          r.replyError(-32603, "fake node handler failed: " + e, null);
        }
      });
    }

    void awaitHttpAnswer() throws InterruptedException {
      httpAnswered.await();
    }

    /** Sends a text frame (or, for HTTP, the response body). */
    public void sendText(String text) {
      byte[] payload = text.getBytes(StandardCharsets.UTF_8);
      try {
        if (websocket) {
          writeFrame(0x1, payload);
        } else {
          String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
              + payload.length + "\r\nConnection: close\r\n\r\n";
          synchronized (writeLock) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
          }
          httpAnswered.countDown();
        }
      } catch (IOException gone) {
        // the client is gone; nothing to deliver to
      }
    }

    /** Answers an HTTP request with a bare status and body. */
    public void sendHttpStatus(int status, String body) {
      byte[] payload = body.getBytes(StandardCharsets.UTF_8);
      try {
        synchronized (writeLock) {
          OutputStream out = socket.getOutputStream();
          out.write(("HTTP/1.1 " + status + " Status\r\nContent-Length: " + payload.length
              + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
          out.write(payload);
          out.flush();
        }
      } catch (IOException gone) {
        // ignored
      }
      httpAnswered.countDown();
    }

    private void writeFrame(int opcode, byte[] payload) throws IOException {
      synchronized (writeLock) {
        OutputStream out = socket.getOutputStream();
        out.write(0x80 | opcode);
        if (payload.length < 126) {
          out.write(payload.length);
        } else if (payload.length < 65536) {
          out.write(126);
          out.write(payload.length >>> 8);
          out.write(payload.length & 0xff);
        } else {
          out.write(127);
          long len = payload.length;
          for (int i = 7; i >= 0; i--) {
            out.write((int) (len >>> (8 * i)) & 0xff);
          }
        }
        out.write(payload);
        out.flush();
      }
    }

    /** Pushes a subscription notification. */
    public void notify(String method, String subscription, Object result) {
      ObjectNode n = JSON.createObjectNode();
      n.put("jsonrpc", "2.0");
      n.put("method", method);
      ObjectNode params = n.putObject("params");
      params.put("subscription", subscription);
      params.set("result", JSON.valueToTree(result));
      sendText(n.toString());
    }

    /** Closes the TCP connection without a close frame. */
    public void drop() {
      try {
        socket.setSoLinger(true, 0);
        socket.close();
      } catch (IOException ignored) {
        // already gone
      }
      httpAnswered.countDown();
    }
  }

  /** One JSON-RPC request and the ways to answer it. */
  public static final class Request {
    private final Connection connection;
    private final JsonNode id;
    private final String method;
    private final JsonNode params;

    Request(Connection connection, JsonNode id, String method, JsonNode params) {
      this.connection = connection;
      this.id = id;
      this.method = method;
      this.params = params;
    }

    public String method() {
      return method;
    }

    public JsonNode params() {
      return params;
    }

    public JsonNode id() {
      return id;
    }

    public Connection connection() {
      return connection;
    }

    public void reply(Object result) {
      ObjectNode n = JSON.createObjectNode();
      n.put("jsonrpc", "2.0");
      n.set("id", id);
      n.set("result", JSON.valueToTree(result));
      connection.sendText(n.toString());
    }

    public void replyAfter(Duration delay, Object result) throws InterruptedException {
      Thread.sleep(delay.toMillis());
      reply(result);
    }

    public void replyError(int code, String message, Object data) {
      ObjectNode n = JSON.createObjectNode();
      n.put("jsonrpc", "2.0");
      n.set("id", id);
      ObjectNode e = n.putObject("error");
      e.put("code", code);
      e.put("message", message);
      if (data != null) {
        e.set("data", JSON.valueToTree(data));
      }
      connection.sendText(n.toString());
    }

    /** Drops the connection this request came on, without answering. */
    public void dropConnection() {
      connection.drop();
    }

    /** Sends {@code text} verbatim as the answer. */
    public void replyRaw(String text) {
      connection.sendText(text);
    }
  }
}
