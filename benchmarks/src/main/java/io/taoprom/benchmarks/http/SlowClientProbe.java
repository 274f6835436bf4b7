package io.taoprom.benchmarks.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Scrape latency of an exporter while hostile clients hold connections: sequential
 * {@code GET} requests, each on a new connection (as a restarted Prometheus or a second server
 * makes them), first without and then with {@code --slow} {@link SlowClients} connected; prints
 * median, p99 and failures of each phase and how long the server held the slow connections.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.taoprom.benchmarks.http.SlowClientProbe \
 *     --target 127.0.0.1:7091 --slow 200 --seconds 20 [--path /metrics] [--drip-ms 0] [--label taoprom]
 * </pre>
 *
 * <p>A request that gets no complete {@code 200} answer within 10 s counts as failed.
 */
public final class SlowClientProbe {

  private static final int TIMEOUT_MS = 10_000;

  private SlowClientProbe() {}

  /** Latencies of one phase, in milliseconds, and the failures. */
  record Phase(double[] millis, int failures) {
    double percentile(double p) {
      if (millis.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100.0 * millis.length) - 1;
      return millis[Math.max(0, Math.min(millis.length - 1, index))];
    }

    String describe() {
      return String.format(Locale.ROOT, "n=%d failures=%d median_ms=%.2f p99_ms=%.2f max_ms=%.2f",
          millis.length + failures, failures, percentile(50), percentile(99),
          millis.length == 0 ? Double.NaN : millis[millis.length - 1]);
    }
  }

  public static void main(String[] args) throws Exception {
    String target = "127.0.0.1:7091";
    String path = "/metrics";
    String label = "exporter";
    int slow = 200;
    int seconds = 20;
    long dripMillis = 0;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--target" -> target = args[i + 1];
        case "--path" -> path = args[i + 1];
        case "--label" -> label = args[i + 1];
        case "--slow" -> slow = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--drip-ms" -> dripMillis = Long.parseLong(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    int colon = target.lastIndexOf(':');
    InetSocketAddress address = new InetSocketAddress(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));

    probe(address, path, 2); // warm-up
    Phase quiet = probe(address, path, seconds);
    System.out.println(label + " without slow clients: " + quiet.describe());
    Phase loaded;
    double[] held;
    long closed;
    long refused;
    int open;
    try (SlowClients clients = SlowClients.start(address, slow, dripMillis)) {
      Thread.sleep(1000);
      loaded = probe(address, path, seconds);
      open = clients.open();
      held = clients.heldSeconds();
      closed = clients.closedByServer();
      refused = clients.connectFailures();
    }
    System.out.println(label + " with " + slow + " slow clients" + (dripMillis > 0 ? " (drip " + dripMillis + " ms)" : "")
        + ": " + loaded.describe());
    System.out.println(String.format(Locale.ROOT,
        "%s slow connections: open at the end %d, closed by the server %d (held median %.1f s, max %.1f s), connect failures %d",
        label, open, closed, held.length == 0 ? Double.NaN : held[held.length / 2],
        held.length == 0 ? Double.NaN : held[held.length - 1], refused));
    System.out.println(String.format(Locale.ROOT, "%s p99 ratio with/without slow clients: %.2f",
        label, loaded.percentile(99) / quiet.percentile(99)));
  }

  static Phase probe(InetSocketAddress address, String path, int seconds) {
    List<Double> millis = new ArrayList<>();
    int failures = 0;
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + address.getHostString() + "\r\nAccept-Encoding: gzip\r\n"
        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    while (System.nanoTime() < end) {
      long start = System.nanoTime();
      if (once(address, request)) {
        millis.add((System.nanoTime() - start) / 1e6);
      } else {
        failures++;
      }
      sleepQuietly(20);
    }
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return new Phase(sorted, failures);
  }

  private static boolean once(InetSocketAddress address, byte[] request) {
    try (Socket socket = new Socket()) {
      socket.connect(address, TIMEOUT_MS);
      socket.setSoTimeout(TIMEOUT_MS);
      socket.setTcpNoDelay(true);
      socket.getOutputStream().write(request);
      InputStream in = socket.getInputStream();
      byte[] head = in.readNBytes(12);
      String status = new String(head, StandardCharsets.US_ASCII);
      byte[] buffer = new byte[16384];
      while (in.read(buffer) >= 0) {
        // read the whole answer: latency is until the last byte
      }
      return status.startsWith("HTTP/1.1 200");
    } catch (IOException e) {
      return false;
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
