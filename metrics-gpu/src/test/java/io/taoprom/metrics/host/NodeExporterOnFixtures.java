package io.taoprom.metrics.host;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.metrics.textfile.format.ParsedFamily;
import io.taoprom.metrics.textfile.format.ParsedSample;
import io.taoprom.metrics.textfile.format.TextFormatParser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The real node_exporter run on a fixture tree ({@code --path.procfs}, {@code --path.sysfs}, …)
 * with one collector, compared with ours on the same tree: families (name, type, help), series
 * and values. The differences come back as lines, for a test to require exactly the ones it
 * documents (fixes current upstream made after node_exporter 1.5, and the like):
 *
 * <pre>{@code
 * List<String> diff = NodeExporterOnFixtures.differences("mdadm",
 *     List.of("--path.procfs=" + HostFixtures.dir("mdadm", "gpu-server").resolve("proc")),
 *     new MdadmCollector(HostFixtures.proc("mdadm", "gpu-server")));
 * assertThat(diff).isEmpty();
 * }</pre>
 *
 * Ours is also linted with {@code promtool check metrics}. Skipped where node_exporter or
 * promtool is not installed, failing where {@code CI=true}
 * ({@link ExternalTool#require}).
 */
public final class NodeExporterOnFixtures {

  private NodeExporterOnFixtures() {}

  /**
   * One line per difference: {@code only ours: SERIES}, {@code only theirs: SERIES},
   * {@code value: SERIES ours=X theirs=Y}, {@code type: NAME ours=A theirs=B},
   * {@code help: NAME}, where SERIES is the sample name and its labels, sorted; and first
   * {@code lint: COMPLAINT} for each complaint of {@code promtool check metrics} about ours.
   */
  public static List<String> differences(String collector, List<String> flags, MultiCollector ours)
      throws Exception {
    Path binary = ExternalTool.require("prometheus-node-exporter", "prometheus-node-exporter", "node_exporter");
    Path promtool = ExternalTool.require("prometheus", "promtool");
    String ourText = HostFixtures.text(ours);
    Map<String, ParsedFamily> theirs = families(scrape(binary, collector, flags));
    Map<String, ParsedFamily> mine = families(ourText);
    List<String> out = new ArrayList<>();
    for (String complaint : lint(promtool, ourText)) {
      out.add("lint: " + complaint);
    }
    for (String name : new TreeSet<>(union(mine.keySet(), theirs.keySet()))) {
      ParsedFamily a = mine.get(name);
      ParsedFamily b = theirs.get(name);
      if (a != null && b != null) {
        if (a.type() != b.type()) {
          out.add("type: " + name + " ours=" + a.type() + " theirs=" + b.type());
        }
        if (!a.help().equals(b.help())) {
          out.add("help: " + name);
        }
      }
      Map<String, Double> as = a == null ? Map.of() : series(a);
      Map<String, Double> bs = b == null ? Map.of() : series(b);
      for (String s : new TreeSet<>(union(as.keySet(), bs.keySet()))) {
        Double x = as.get(s);
        Double y = bs.get(s);
        if (y == null) {
          out.add("only ours: " + s);
        } else if (x == null) {
          out.add("only theirs: " + s);
        } else if (!x.equals(y)) {
          out.add("value: " + s + " ours=" + x + " theirs=" + y);
        }
      }
    }
    return out;
  }

  /** What {@code promtool check metrics} says about {@code text}, a line per complaint. */
  private static List<String> lint(Path promtool, String text) throws Exception {
    Process process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
    try (java.io.OutputStream in = process.getOutputStream()) {
      in.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    process.waitFor();
    return output.lines().filter(l -> !l.isBlank()).toList();
  }

  private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
    TreeSet<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  /** The collector's families: node_exporter's own (build info, scrape meta-metrics) left out. */
  private static Map<String, ParsedFamily> families(String text) throws Exception {
    Map<String, ParsedFamily> out = new TreeMap<>();
    for (ParsedFamily f : TextFormatParser.parse(text)) {
      if (f.name().startsWith("node_") && !f.name().startsWith("node_scrape_")
          && !f.name().startsWith("node_exporter_") && !f.samples().isEmpty()) {
        out.put(f.name(), f);
      }
    }
    return out;
  }

  private static Map<String, Double> series(ParsedFamily family) {
    Map<String, Double> out = new TreeMap<>();
    for (ParsedSample s : family.samples()) {
      Map<String, String> labels = new TreeMap<>();
      for (int i = 0; i < s.labelNames().size(); i++) {
        labels.put(s.labelNames().get(i), s.labelValues().get(i));
      }
      out.put(s.name() + labels, s.value());
    }
    return out;
  }

  private static String scrape(Path binary, String collector, List<String> flags) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Path log = Files.createTempFile("node_exporter", ".log");
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--web.listen-address=127.0.0.1:" + port,
        "--collector.disable-defaults", "--collector." + collector));
    command.addAll(flags);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
          .timeout(Duration.ofSeconds(5)).build();
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (true) {
        try {
          HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200) {
            return response.body();
          }
        } catch (IOException e) {
          if (System.nanoTime() > deadline || !process.isAlive()) {
            throw new AssertionError("node_exporter did not answer: " + Files.readString(log), e);
          }
        }
        Thread.sleep(100);
      }
    } finally {
      process.destroy();
      process.waitFor();
      Files.deleteIfExists(log);
    }
  }
}
