package io.taoprom.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node that a real one could be made to behave like only by its operator: raw sockets on
 * loopback, at most {@value #MAX_CONNECTIONS} connections, each served by one {@link Behaviour}.
 * It completes the WebSocket handshake (or not), then answers requests with frames it streams —
 * a header declaring 2^40 bytes followed by as many as the client reads, a string just under a
 * limit, millions of tokens — or never answers at all.
 *
 * What it does is a {@link Behaviour}; {@link NodeBehaviours} has the usual ones.
 *
 * <pre>{@code
 * try (HostileNode node = HostileNode.start(NodeBehaviours.streamingFrame(1L << 40, NodeBehaviours.whitespace()))) {
 *   rpc(node.wsUri()).request("chain_getHeader"); // RpcMessageTooLargeException, process alive
 * }
 * }</pre>
 */
public final class HostileNode implements AutoCloseable {

  /** What the node does with one accepted connection. */
  @FunctionalInterface
  public interface Behaviour {
    void serve(Connection c) throws IOException, InterruptedException;
  }

  static final int MAX_CONNECTIONS = 50;
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServerSocket server;
  private final Behaviour behaviour;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "hostile-node");
    t.setDaemon(true);
    return t;
  });
  private final List<Socket> sockets = new ArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong bytesSent = new AtomicLong();

  private HostileNode(Behaviour behaviour) throws IOException {
    this.behaviour = behaviour;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    pool.execute(this::acceptLoop);
  }

  public static HostileNode start(Behaviour behaviour) {
    try {
      return new HostileNode(behaviour);
    } catch (IOException e) {
      throw new AssertionError("cannot start the hostile node", e);
    }
  }

  public URI wsUri() {
    return URI.create("ws://127.0.0.1:" + server.getLocalPort());
  }

  public URI httpUri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  public int port() {
    return server.getLocalPort();
  }

  /** TCP connections accepted. */
  public int connections() {
    return connections.get();
  }

  /** JSON-RPC requests read (WebSocket frames or HTTP bodies). */
  public int requests() {
    return requests.get();
  }

  /** Payload bytes written, headers aside. */
  public long bytesSent() {
    return bytesSent.get();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    synchronized (sockets) {
      for (Socket s : sockets) {
        try {
          s.close();
        } catch (IOException ignored) {
          // gone already
        }
      }
    }
    pool.shutdownNow();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException closed) {
        return;
      }
      if (connections.incrementAndGet() > MAX_CONNECTIONS) {
        closeQuietly(s);
        continue;
      }
      synchronized (sockets) {
        sockets.add(s);
      }
      pool.execute(() -> {
        try (s) {
          s.setTcpNoDelay(true);
          behaviour.serve(new Connection(s));
        } catch (IOException | InterruptedException gone) {
          // the client went away, or we were closed
        }
      });
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }

  /** One client connection, read and written raw. */
  public final class Connection {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private boolean websocket;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.in = new DataInputStream(socket.getInputStream());
      this.out = socket.getOutputStream();
    }

    /** Keeps the connection open, reading nothing, until the client or the test closes it. */
    public void holdOpen() throws InterruptedException {
      while (!socket.isClosed()) {
        Thread.sleep(100);
      }
    }

    /** Reads the HTTP upgrade and answers 101. */
    public void handshake() throws IOException {
      String key = null;
      String line;
      while ((line = readLine()) != null && !line.isEmpty()) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-key")) {
          key = line.substring(colon + 1).trim();
        }
      }
      if (key == null) {
        throw new IOException("not a WebSocket upgrade");
      }
      String accept;
      try {
        accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
            .digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      websocket = true;
    }

    private String readLine() throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      int prev = -1;
      while (b.size() < 8192) {
        int c = in.read();
        if (c < 0) {
          return null;
        }
        if (c == '\n' && prev == '\r') {
          byte[] raw = b.toByteArray();
          return new String(raw, 0, raw.length - 1, StandardCharsets.ISO_8859_1);
        }
        b.write(c);
        prev = c;
      }
      throw new IOException("header line too long");
    }

    /** The next JSON-RPC request (a text frame), answering pings; null when the client left. */
    public JsonNode readRequest() throws IOException {
      while (true) {
        int b0;
        try {
          b0 = in.readUnsignedByte();
        } catch (IOException eof) {
          return null;
        }
        int b1 = in.readUnsignedByte();
        int opcode = b0 & 0x0f;
        long len = b1 & 0x7f;
        if (len == 126) {
          len = in.readUnsignedShort();
        } else if (len == 127) {
          len = in.readLong();
        }
        if (len > 1 << 20) {
          throw new IOException("a client frame of " + len + " bytes");
        }
        byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : new byte[4];
        byte[] payload = in.readNBytes((int) len);
        for (int i = 0; i < payload.length; i++) {
          payload[i] ^= mask[i % 4];
        }
        if (opcode == 0x8) {
          return null;
        }
        if (opcode == 0x9) {
          writeHeader(0xA, payload.length);
          out.write(payload);
          out.flush();
          continue;
        }
        if (opcode == 0x1) {
          requests.incrementAndGet();
          return JSON.readTree(payload);
        }
      }
    }

    /** One text frame's header: FIN, opcode, and a 64-bit length when it needs one. */
    public void writeHeader(int opcode, long length) throws IOException {
      out.write(0x80 | opcode);
      if (length < 126) {
        out.write((int) length);
      } else if (length < 65536) {
        out.write(126);
        out.write((int) (length >>> 8));
        out.write((int) (length & 0xff));
      } else {
        out.write(127);
        for (int i = 7; i >= 0; i--) {
          out.write((int) (length >>> (8 * i)) & 0xff);
        }
      }
    }

    /** Declares {@code declared} bytes and streams {@code payload} until the client leaves. */
    public void streamFrame(long declared, NodeBehaviours.Payload payload) throws IOException {
      writeHeader(0x1, declared);
      stream(payload, declared);
      out.flush();
    }

    private void stream(NodeBehaviours.Payload payload, long count) throws IOException {
      byte[] buf = new byte[64 * 1024];
      long sent = 0;
      while (sent < count) {
        int n = (int) Math.min(buf.length, count - sent);
        payload.fill(sent, buf, n);
        out.write(buf, 0, n);
        sent += n;
        bytesSent.addAndGet(n);
      }
    }

    /** Writes {@code answer} for {@code request} as one text frame of its exact length. */
    public void answer(NodeBehaviours.Answer answer, JsonNode request) throws IOException {
      byte[] prefix = answer.prefix(request).getBytes(StandardCharsets.UTF_8);
      byte[] suffix = answer.suffix(request).getBytes(StandardCharsets.UTF_8);
      long middle = answer.middleBytes(request);
      writeHeader(0x1, prefix.length + middle + suffix.length);
      out.write(prefix);
      stream(answer.middle(), middle);
      out.write(suffix);
      out.flush();
    }

    /**
     * Reads one HTTP request and answers 200 with {@code payload}: a {@code Content-Length} of
     * {@code declared} (then streamed until the client leaves), or chunked and endless when
     * {@code declared} is negative.
     */
    public void httpAnswerStreaming(long declared, NodeBehaviours.Payload payload) throws IOException {
      long length = 0;
      String line;
      while ((line = readLine()) != null && !line.isEmpty()) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
          length = Long.parseLong(line.substring(colon + 1).trim());
        }
      }
      in.readNBytes((int) Math.min(length, 1 << 20));
      requests.incrementAndGet();
      String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
          + (declared >= 0 ? "Content-Length: " + declared : "Transfer-Encoding: chunked") + "\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      if (declared >= 0) {
        stream(payload, declared);
        out.flush();
        return;
      }
      byte[] buf = new byte[64 * 1024];
      for (long off = 0; ; off += buf.length) {
        payload.fill(off, buf, buf.length);
        out.write((Integer.toHexString(buf.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(buf);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        bytesSent.addAndGet(buf.length);
      }
    }

    /** Sends {@code text} as one text frame. */
    public void sendText(String text) throws IOException {
      byte[] b = text.getBytes(StandardCharsets.UTF_8);
      writeHeader(0x1, b.length);
      out.write(b);
      out.flush();
    }

    /** Sends a close frame with {@code code} and {@code reason} (at most 123 bytes of it). */
    public void sendClose(int code, String reason) throws IOException {
      byte[] r = reason.getBytes(StandardCharsets.UTF_8);
      int n = Math.min(r.length, 123);
      writeHeader(0x8, 2 + n);
      out.write(code >>> 8);
      out.write(code & 0xff);
      out.write(r, 0, n);
      out.flush();
    }

    public boolean isWebSocket() {
      return websocket;
    }
  }
}
