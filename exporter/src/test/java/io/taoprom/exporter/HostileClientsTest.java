package io.taoprom.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.exporter.http.HttpLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that send little, nothing, or too much, against the real server on loopback: the
 * routes keep answering promptly while they are connected, and each is cut off by the limit
 * made for it. Before the server had those limits, four clients that sent half a request line
 * stopped every route for as long as they stayed.
 */
class HostileClientsTest {

  private static final HttpLimits LIMITS = HttpLimits.DEFAULTS
      .withReadHeaderTimeout(Duration.ofSeconds(1))
      .withIdleTimeout(Duration.ofSeconds(5))
      .withWriteTimeout(Duration.ofSeconds(2))
      .withMaxThreads(8);

  /** An answer far larger than any socket buffer, for clients that do not read it. */
  private static final byte[] BIG = new byte[16 << 20];

  private static TaoPromExporter exporter;

  @BeforeAll
  static void start() throws Exception {
    exporter = TaoPromExporter.builder().host("127.0.0.1").port(0).httpLimits(LIMITS)
        .catalog(PluginCatalog.of(List.of(new TestPlugins.Healthy(), new LowMemoryMain.TenThousand())))
        .route("/big", request -> io.taoprom.exporter.http.RouteResponse.of(200, "application/octet-stream", BIG))
        .buildAndStart();
    exporter.awaitReady(Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() {
    exporter.close();
  }

  /** One request on a new connection: the status code, or -1 when there was no answer within 5 s. */
  static int status(String request) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", exporter.port()), 5000);
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
      return head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  static int get(String path) {
    return status("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  }

  /** Every route answers 200, each within {@code within}. */
  static void routesAnswerPromptly(Duration within) {
    for (String path : List.of("/metrics?collect[]=healthy", "/-/healthy", "/")) {
      long start = System.nanoTime();
      assertThat(get(path)).as(path).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as(path).isLessThan(within);
    }
  }

  static Socket open() throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", exporter.port()), 5000);
    return socket;
  }

  /** Seconds until the server closes {@code socket} (reading and dropping whatever it sends); -1 if not within {@code max}. */
  static double secondsUntilClosed(Socket socket, long openedNanos, Duration max) throws IOException {
    socket.setSoTimeout((int) max.toMillis());
    InputStream in = socket.getInputStream();
    try {
      while (in.read() >= 0) {
        // drain
      }
    } catch (SocketTimeoutException e) {
      return -1;
    } catch (IOException reset) {
      // a reset is a close too
    }
    return (System.nanoTime() - openedNanos) / 1e9;
  }

  @Test
  void clientsThatSendHalfARequestHoldNoWorkerAndAreClosedAfterTheReadHeaderTimeout() throws Exception {
    List<Socket> slow = new ArrayList<>();
    long opened = System.nanoTime();
    try {
      for (int i = 0; i < 50; i++) {
        Socket s = open();
        s.getOutputStream().write("GET /metrics HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
        slow.add(s);
      }
      routesAnswerPromptly(Duration.ofSeconds(2));
      for (Socket s : slow) {
        double closedAfter = secondsUntilClosed(s, opened, Duration.ofSeconds(5));
        assertThat(closedAfter).as("closed by the read-header timeout of 1 s").isBetween(0.9, 4.0);
      }
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  @Test
  void aClientThatDripsOneHeaderByteAtATimeIsClosedAllTheSame() throws Exception {
    try (Socket s = open()) {
      long opened = System.nanoTime();
      OutputStream out = s.getOutputStream();
      out.write("GET /metrics HTTP/1.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
      // Each byte well inside the idle timeout (5 s): only the read-header timeout can end this.
      boolean closed = false;
      for (int i = 0; i < 40 && !closed; i++) {
        Thread.sleep(100);
        try {
          out.write('x');
          out.flush();
        } catch (IOException e) {
          closed = true;
        }
      }
      double after = closed ? (System.nanoTime() - opened) / 1e9 : secondsUntilClosed(s, opened, Duration.ofSeconds(3));
      assertThat(after).isBetween(0.9, 4.0);
    }
    assertThat(exporter.collectors()).isNotEmpty();
  }

  @Test
  void thousandsOfIdleConnectionsDoNotStopTheRoutesAndEndAfterTheReadHeaderTimeout() throws Exception {
    List<Socket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 3000; i++) {
        idle.add(open());
      }
      routesAnswerPromptly(Duration.ofSeconds(2));
      long start = System.nanoTime();
      Socket last = idle.get(idle.size() - 1);
      assertThat(secondsUntilClosed(last, start, Duration.ofSeconds(6))).as("a connection that never sends is closed").isPositive();
    } finally {
      for (Socket s : idle) {
        s.close();
      }
    }
  }

  @Test
  void aMegabyteRequestLineOrHeaderIsAnAnswerNamingTheLimitNotAnEcho() throws Exception {
    String longPath = "/metrics?collect[]=" + "a".repeat(1 << 20);
    String answer = exchange("GET " + longPath + " HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 414").contains("at most " + LIMITS.maxRequestHeaderBytes() + " bytes")
        .doesNotContain("aaaaaaaaaa");
    String bigHeader = exchange("GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(1 << 20) + "\r\n\r\n");
    assertThat(bigHeader).startsWith("HTTP/1.1 431").doesNotContain("bbbbbbbbbb");
    routesAnswerPromptly(Duration.ofSeconds(2));
  }

  @Test
  void tenThousandCollectParametersAreRefusedByTheSizeLimitAndAFewThousandAreServed() {
    StringBuilder many = new StringBuilder("/metrics?");
    for (int i = 0; i < 10_000; i++) {
      many.append("collect[]=healthy&");
    }
    assertThat(get(many.toString())).isEqualTo(414);
    StringBuilder some = new StringBuilder("/metrics?");
    for (int i = 0; i < 3000; i++) {
      some.append("collect[]=healthy&");
    }
    assertThat(get(some.toString())).isEqualTo(200);
  }

  @Test
  void anEndlessBodyIsNotReadAndDoesNotHoldTheServer() throws Exception {
    try (Socket s = open()) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write("POST /metrics HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = ("1000\r\n" + "z".repeat(4096) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      ExecutorService writer = Executors.newSingleThreadExecutor();
      Future<?> endless = writer.submit(() -> {
        try {
          while (!Thread.currentThread().isInterrupted()) {
            out.write(chunk);
          }
        } catch (IOException closedByServer) {
          // what should happen
        }
        return null;
      });
      String head = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(head).isEqualTo("HTTP/1.1 405");
      routesAnswerPromptly(Duration.ofSeconds(2));
      endless.get(10, TimeUnit.SECONDS);
      writer.shutdownNow();
    }
    // A GET announcing a terabyte it never sends: answered without waiting for it.
    assertThat(status("GET /-/healthy HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000000\r\n\r\nabc")).isEqualTo(200);
  }

  @Test
  void oddMethodsAndPathsGetFourHundredsNeverAFiveHundred() {
    String[] requests = {
      "BREW /metrics HTTP/1.1\r\nHost: x\r\n\r\n",
      "PROPFIND / HTTP/1.1\r\nHost: x\r\n\r\n",
      "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
      "get /metrics HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET //metrics HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /metrics/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /metrics%00 HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /\u00ff\u00fe HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET http://elsewhere.example/metrics HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /metrics HTTP/9.9\r\nHost: x\r\n\r\n",
      "GET /metrics\r\n\r\n",
      "\u0000\u0001\u0002\r\n\r\n",
      "GET /metrics?collect[]=%zz HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /metrics?exclude[]=%E0%80%80 HTTP/1.1\r\nHost: x\r\n\r\n",
    };
    for (String request : requests) {
      int status = status(request);
      assertThat(status).as(request.strip()).isNotEqualTo(500).isNotEqualTo(-1);
      assertThat(status).as(request.strip()).isBetween(200, 505);
    }
    routesAnswerPromptly(Duration.ofSeconds(2));
  }

  @Test
  void clientsThatAskAndNeverReadAreCutOffAfterTheWriteTimeout() throws Exception {
    List<Socket> readers = new ArrayList<>();
    try {
      // As many as there are workers (8 threads less the acceptor and the selector), each asking
      // for 16 MB and reading nothing: the answer does not fit in the socket buffers, so each
      // write blocks its worker, and every worker is blocked.
      for (int i = 0; i < LIMITS.maxThreads() - 2; i++) {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress("127.0.0.1", exporter.port()), 5000);
        s.getOutputStream().write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        readers.add(s);
      }
      // The idle timeout is 5 s here; only the write timeout (2 s) frees the workers sooner.
      long start = System.nanoTime();
      assertThat(get("/-/healthy")).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4500));
      routesAnswerPromptly(Duration.ofSeconds(3));
      for (Socket s : readers) {
        s.setSoTimeout(10_000);
        long got;
        try {
          got = s.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException reset) {
          got = 0;
        }
        assertThat(got).as("an answer cut off by the write timeout").isLessThan(BIG.length);
      }
    } finally {
      for (Socket s : readers) {
        s.close();
      }
    }
  }

  /** Sends {@code request} from a thread of its own (the server may stop reading it) and returns what came back. */
  private static String exchange(String request) throws Exception {
    try (Socket s = open()) {
      s.setSoTimeout(5000);
      ExecutorService writer = Executors.newSingleThreadExecutor();
      writer.submit(() -> {
        try {
          s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException closedByServer) {
          // expected: the server answers and closes before the request ends
        }
      });
      byte[] answer;
      try {
        answer = s.getInputStream().readNBytes(4096);
      } catch (IOException reset) {
        answer = new byte[0];
      }
      writer.shutdownNow();
      return new String(answer, StandardCharsets.ISO_8859_1);
    }
  }
}
