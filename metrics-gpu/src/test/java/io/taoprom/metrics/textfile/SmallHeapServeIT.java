package io.taoprom.metrics.textfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The textfile and scrape collectors in a JVM of their own with the launcher's flags
 * ({@code -Xmx64m}, serial GC, {@code -XX:+ExitOnOutOfMemoryError}: running out of heap ends the
 * process and fails the test), fed the worst inputs of at most 4 MiB this test could make, all at
 * once and scraped again and again ({@link SmallHeapServeMain}): 150,000 series as a file and as
 * a target (the issue's OOM), 4 MiB of tiny series, 100,000 one-sample families, megabyte label
 * values, a single series with 300,000 labels, a gzip bomb, and a 100,000-series file. The process
 * lives, every scrape answers 200 with the other collectors' series, and each refused input is
 * named in the log with its count or limit. Alone, the 100,000-series file is served on every
 * scrape.
 */
class SmallHeapServeIT {

  private static final int SCRAPES = 12;

  @Test
  void theWorstInputsFitInTheLaunchersHeap(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("big150k.prom"), series("m", 150_000));
    Files.writeString(dir.resolve("served100k.prom"), series("served", 100_000));
    Files.writeString(dir.resolve("tiny.prom"), tinyFamilies(4 << 20));
    Files.writeString(dir.resolve("families.prom"), paddedFamilies(100_000));
    Files.writeString(dir.resolve("values.prom"), longValues(3, 1_300_000));
    Files.writeString(dir.resolve("labels.prom"), manyLabels(300_000));
    for (Path file : Files.newDirectoryStream(dir)) {
      assertThat(Files.size(file)).as(file.toString()).isLessThanOrEqualTo(4 << 20);
    }
    HttpServer targets = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    Map<String, byte[]> bodies = Map.of(
        "/big", series("t", 150_000).getBytes(StandardCharsets.UTF_8),
        "/families", paddedFamilies(100_000).getBytes(StandardCharsets.UTF_8),
        "/labels", manyLabels(300_000).getBytes(StandardCharsets.UTF_8),
        "/good", "neuron_up 1\n".getBytes(StandardCharsets.UTF_8));
    byte[] bomb = bomb(64 << 20);
    targets.createContext("/", exchange -> {
      try (exchange) {
        String path = exchange.getRequestURI().getPath();
        byte[] body = path.equals("/bomb") ? bomb : bodies.getOrDefault(path, new byte[0]);
        if (path.equals("/bomb")) {
          exchange.getResponseHeaders().add("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    });
    targets.start();
    try {
      String base = "http://127.0.0.1:" + targets.getAddress().getPort();
      List<String> command = new ArrayList<>(launch(dir, "canary_up 1.0"));
      for (String target : List.of("big", "families", "labels", "bomb", "good")) {
        command.add(target + "=" + base + "/" + target);
      }
      String output = run(command, "small-heap-serve.log");

      assertThat(output).doesNotContain("OutOfMemoryError", "Terminating due to");
      assertThat(output).contains("scrapes=" + SCRAPES + " failures=0");
      assertThat(output)
          .contains("textfile " + dir + "/big150k.prom has at least 150000 series, more than 120000 (option textfile.max-series); left out")
          .contains("textfile " + dir + "/tiny.prom has at least ")
          .contains("scrape target big (" + base + "/big) has at least 150000 series, more than 120000 (option scrape.max-series); left out")
          .contains("scrape target bomb (" + base + "/bomb) sent a body larger than 4194304 bytes uncompressed");
      // What no longer fits the heap budget is named; the 100,000-series file is under the series
      // limit (whether it fits depends on what the hostile targets took of the budget first).
      assertThat(output).doesNotContain("served100k.prom has").contains("needs more heap than the ");
      for (String line : output.lines().toList()) {
        assertThat(line.length()).as("a log line of %d characters", line.length()).isLessThan(600);
      }
    } finally {
      targets.stop(0);
    }
  }

  @Test
  void aHundredThousandSeriesFileIsServedOnEveryScrape(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("served100k.prom"), series("served", 100_000));

    String output = run(launch(dir, "served{i=\"99999\"} 1.0"), "small-heap-100k.log");

    assertThat(output).doesNotContain("OutOfMemoryError", "WARNING").contains("scrapes=" + SCRAPES + " failures=0");
  }

  /** The child's command line: ./taoprom's flags, from the file the launcher passes, and the main class. */
  private static List<String> launch(Path dir, String expect) {
    return List.of(
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
        "@" + Path.of(System.getProperty("taoprom.root", ".."), "cli", "src", "main", "dist", "jvm.options"),
        "-Dslf4j.internal.verbosity=ERROR",
        "-Dexpect=" + expect,
        "-cp", System.getProperty("java.class.path"), SmallHeapServeMain.class.getName(),
        dir.toString(), Integer.toString(SCRAPES));
  }

  /** Runs the child to its end; its output, also kept in target/LOG (docs/performance.md quotes the summary). */
  private static String run(List<String> command, String log) throws Exception {
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(600, TimeUnit.SECONDS)).isTrue();
    Files.writeString(Path.of("target", log), output);
    output.lines().filter(l -> l.startsWith("scrape") || l.startsWith("WARNING")).forEach(System.out::println);
    assertThat(child.exitValue()).as(output).isZero();
    return output;
  }

  /** {@code NAME{i="N"} 1} for N up to {@code n}: one family, {@code n} series. */
  static String series(String name, int n) {
    StringBuilder out = new StringBuilder(n * 20).append("# HELP ").append(name).append(" Synthetic.\n# TYPE ").append(name).append(" gauge\n");
    for (int i = 0; i < n; i++) {
      out.append(name).append("{i=\"").append(i).append("\"} 1\n");
    }
    return out.toString();
  }

  /** {@code a_N 1} until {@code bytes}: as many tiny families as fit. */
  private static String tinyFamilies(int bytes) {
    StringBuilder out = new StringBuilder(bytes);
    for (int i = 0; out.length() < bytes - 20; i++) {
      out.append("a_").append(i).append(" 1\n");
    }
    return out.toString();
  }

  /** {@code n} families of one sample each, with names long enough to fill about 4 MiB. */
  private static String paddedFamilies(int n) {
    StringBuilder out = new StringBuilder(n * 42);
    for (int i = 0; i < n; i++) {
      out.append("family_with_a_long_name_").append(i).append("_padding 1\n");
    }
    return out.toString();
  }

  private static String longValues(int n, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append("long_value{i=\"").append(i).append("\",v=\"").append("v".repeat(length)).append("\"} 1\n");
    }
    return out.toString();
  }

  /** One series with {@code n} labels of distinct names. */
  private static String manyLabels(int n) {
    StringBuilder out = new StringBuilder(n * 12).append("wide{");
    for (int i = 0; i < n; i++) {
      out.append(i == 0 ? "" : ",").append('l').append(i).append("=\"\"");
    }
    return out.append("} 1\n").toString();
  }

  private static byte[] bomb(int bytes) throws IOException {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      byte[] line = "x 1\n".repeat(1 << 14).getBytes(StandardCharsets.US_ASCII);
      for (int written = 0; written < bytes; written += line.length) {
        gz.write(line);
      }
    }
    return zipped.toByteArray();
  }
}
