package io.taoprom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A minute of {@code taoprom serve} under load, with the launcher's JVM flags ({@code -Xmx64m}): 64
 * scrapers back to back, 200 hostile clients holding half-sent requests (reconnecting whenever
 * the server closes one), and a textfile rewritten all the while. No normal scrape may fail;
 * heap (after each GC, from the JVM's own GC log) and threads (from {@code /proc/PID/status})
 * stay bounded. The figures are printed.
 */
class HttpSoakIT {

  private static final Duration SOAK = Duration.ofSeconds(60);
  private static final int SCRAPERS = 64;
  private static final int SLOW = 200;
  private static final Pattern HEAP_AFTER_GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  @Test
  void sixtyFourScrapersBesideTwoHundredSlowClientsForAMinute(@TempDir Path dir) throws Exception {
    Path textfiles = Files.createDirectory(dir.resolve("textfiles"));
    writeTextfile(textfiles, 0);
    Path gcLog = dir.resolve("gc.log");
    try (ServeProcess serve = ServeProcess.start(
        // The launcher's JVM flags, from the file ./taoprom passes, and a GC log to read the heap from.
        List.of("@" + Path.of(System.getProperty("taoprom.root", ".."), "cli", "src", "main", "dist", "jvm.options"),
            "-Xlog:gc:file=" + gcLog),
        List.of("--textfile.directory", textfiles.toString(), "--web.read-header-timeout", "2s"))) {
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong ok = new AtomicLong();
      AtomicLong failed = new AtomicLong();
      List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      AtomicLong rewrites = new AtomicLong();
      ExecutorService pool = Executors.newFixedThreadPool(SCRAPERS + 2);
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(4)).build();
      HttpRequest request = HttpRequest.newBuilder(URI.create(serve.baseUrl() + "/metrics"))
          .header("Accept-Encoding", "gzip").timeout(Duration.ofSeconds(20)).build();
      HoldingClients slow = new HoldingClients(new InetSocketAddress("127.0.0.1", serve.port()), SLOW);
      int maxThreads = 0;
      long maxRss = 0;
      try {
        pool.submit(slow);
        pool.submit(() -> {
          for (int i = 1; running.get(); i++) {
            writeTextfile(textfiles, i);
            rewrites.incrementAndGet();
            Thread.sleep(20);
          }
          return null;
        });
        for (int i = 0; i < SCRAPERS; i++) {
          pool.submit(() -> {
            while (running.get()) {
              try {
                HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() == 200 && r.body().length > 100) {
                  ok.incrementAndGet();
                } else {
                  failed.incrementAndGet();
                  failures.add("status " + r.statusCode());
                }
              } catch (IOException e) {
                failed.incrementAndGet();
                failures.add(e.toString());
              }
            }
            return null;
          });
        }
        long end = System.nanoTime() + SOAK.toNanos();
        while (System.nanoTime() < end) {
          Thread.sleep(1000);
          maxThreads = Math.max(maxThreads, status(serve.pid(), "Threads:"));
          maxRss = Math.max(maxRss, status(serve.pid(), "VmRSS:"));
        }
      } finally {
        running.set(false);
        slow.stop();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(serve.isAlive()).as(serve.stderr()).isTrue();
      // The soak's own collections first, then one forced full collection to see what is live.
      int[] heap = heapAfterGc(Files.readAllLines(gcLog));
      int live = liveHeapAfterForcedFullGc(serve.pid(), gcLog);
      System.out.printf(Locale.ROOT, "soak %d s: %d scrapes ok (%.0f/s), %d failed; %d slow clients, %d of their connections"
              + " closed by the server; %d textfile rewrites; threads max %d; VmRSS max %.1f MiB; heap after GC max %d MiB"
              + " (last %d MiB) of %d MiB over %d GCs; after a full GC max %d MiB over %d full GCs; live after the soak %d MiB%n",
          SOAK.toSeconds(), ok.get(), ok.get() / (double) SOAK.toSeconds(), failed.get(), SLOW, slow.closedByServer(),
          rewrites.get(), maxThreads, maxRss / 1024.0, heap[0], heap[1], heap[2], heap[3], heap[4], heap[5], live);
      assertThat(failed.get()).as("failed scrapes: %s", failures.stream().limit(5).toList()).isZero();
      assertThat(ok.get()).isGreaterThan(1000);
      assertThat(slow.closedByServer()).as("the read-header timeout closed the slow connections").isGreaterThanOrEqualTo(SLOW);
      // One thread per collector at most (IsolatingCollector: a hung one holds its own, never
      // another's), plus the server's and the JVM's (about 40 here), which the slow clients must not grow.
      String scrape = serve.get("/metrics").body();
      int collectors = scrape.split("\ntaoprom_scrape_collector_success\\{", -1).length - 1;
      assertThat(collectors).as("collectors").isGreaterThan(10);
      assertThat(maxThreads).as("threads, with %d collectors", collectors).isLessThan(collectors + 60);
      assertThat(heap[3]).as("GCs logged").isPositive();
      // What is live: the heap after each full collection the soak caused, and after one forced
      // when it ended. Not the heap after the last young collection: that still counts the old
      // generation's dead objects, up to -Xmx, until a full collection frees them (a CI run saw
      // 50 MiB there while the live heap was ~20).
      assertThat(heap[4]).as("heap after a full GC during the soak, MiB").isLessThan(48);
      assertThat(live).as("heap after a full GC forced when the soak ended, MiB").isLessThan(32);
      assertThat(serve.get("/metrics").body()).contains("soak_textfile_value{");
    }
  }

  /**
   * Asks the serving JVM for a full collection ({@code jcmd PID GC.run}, a full collection
   * under the serial collector) and returns the heap it left, in MiB, from the
   * GC log's "Pause Full (Diagnostic Command)" line.
   */
  private static int liveHeapAfterForcedFullGc(long pid, Path gcLog) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("jcmd finished").isTrue();
    assertThat(p.exitValue()).as("jcmd GC.run: %s", out).isZero();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      List<String> lines = Files.readAllLines(gcLog);
      for (int i = lines.size() - 1; i >= 0; i--) {
        Matcher m = HEAP_AFTER_GC.matcher(lines.get(i));
        if (lines.get(i).contains("Pause Full (Diagnostic Command)") && m.find()) {
          return Integer.parseInt(m.group(2));
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no forced full GC in " + gcLog + " after jcmd GC.run: " + out);
  }

  private static void writeTextfile(Path dir, int round) throws IOException {
    StringBuilder text = new StringBuilder("# HELP soak_textfile_value Rewritten while scraped.\n# TYPE soak_textfile_value gauge\n");
    for (int i = 0; i < 200; i++) {
      text.append("soak_textfile_value{series=\"").append(i).append("\"} ").append(round).append('\n');
    }
    Path tmp = dir.resolve("soak.prom.tmp");
    Files.writeString(tmp, text);
    Files.move(tmp, dir.resolve("soak.prom"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static int status(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith(field)) {
        return Integer.parseInt(line.substring(field.length()).strip().split("\\s+")[0]);
      }
    }
    return -1;
  }

  /**
   * {max heap after GC, last heap after GC, heap size, GC count, max heap after a full GC, full
   * GCs} in MiB, from -Xlog:gc lines. After a young collection the heap still holds the old
   * generation's dead objects until the next full one; only a full collection shows what is live.
   */
  private static int[] heapAfterGc(List<String> lines) {
    int max = 0;
    int last = 0;
    int size = 0;
    int count = 0;
    int maxFull = 0;
    int full = 0;
    for (String line : lines) {
      Matcher m = HEAP_AFTER_GC.matcher(line);
      if (m.find()) {
        last = Integer.parseInt(m.group(2));
        size = Integer.parseInt(m.group(3));
        max = Math.max(max, last);
        count++;
        if (line.contains("Pause Full")) {
          maxFull = Math.max(maxFull, last);
          full++;
        }
      }
    }
    return new int[] {max, last, size, count, maxFull, full};
  }

  /**
   * Hostile clients on one thread: each sends {@code GET /metrics HTTP/1.1\r\nHo} and holds the
   * connection; one the server closes is opened again at once.
   */
  static final class HoldingClients implements java.util.concurrent.Callable<Void> {
    private final InetSocketAddress target;
    private final int count;
    private final AtomicLong closed = new AtomicLong();
    private volatile boolean running = true;

    HoldingClients(InetSocketAddress target, int count) {
      this.target = target;
      this.count = count;
    }

    long closedByServer() {
      return closed.get();
    }

    void stop() {
      running = false;
    }

    @Override
    public Void call() throws IOException {
      byte[] start = "GET /metrics HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII);
      ByteBuffer sink = ByteBuffer.allocate(4096);
      try (Selector selector = Selector.open()) {
        while (running) {
          while (selector.keys().size() < count && running) {
            SocketChannel c = SocketChannel.open();
            try {
              c.socket().connect(target, 5000);
              c.write(ByteBuffer.wrap(start));
              c.configureBlocking(false);
              c.register(selector, SelectionKey.OP_READ);
            } catch (IOException e) {
              c.close();
              break;
            }
          }
          selector.select(100);
          for (SelectionKey key : selector.selectedKeys()) {
            SocketChannel c = (SocketChannel) key.channel();
            int n;
            try {
              sink.clear();
              n = c.read(sink);
            } catch (IOException e) {
              n = -1;
            }
            if (n < 0) {
              key.cancel();
              c.close();
              closed.incrementAndGet();
            }
          }
          selector.selectedKeys().clear();
        }
        for (SelectionKey key : selector.keys()) {
          key.channel().close();
        }
      }
      return null;
    }
  }
}
