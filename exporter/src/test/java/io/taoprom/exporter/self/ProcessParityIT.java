package io.taoprom.exporter.self;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.taoprom.exporter.spi.CollectorConfig;
import java.io.File;
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
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The {@code process} plugin's families against the real node_exporter's own (Debian's
 * {@code prometheus-node-exporter}, run with no collector): for each of the six families
 * TaoProm serves, node_exporter has the same name, type and help text, and neither puts a
 * label on them.
 */
class ProcessParityIT {

  private static final List<String> FAMILIES = List.of("process_cpu_seconds_total", "process_max_fds",
      "process_open_fds", "process_resident_memory_bytes", "process_start_time_seconds",
      "process_virtual_memory_bytes");

  @Test
  void ourProcessFamiliesAreNodeExportersOwn() throws Exception {
    assumeTrue(Files.isRegularFile(Path.of("/proc/self/status")), "node_exporter's process series are Linux's");
    String theirs = nodeExporter(find("prometheus-node-exporter", "node_exporter"));
    String ours = SelfExposition.of(new ProcessPlugin().create(CollectorConfig.empty()));

    for (String family : FAMILIES) {
      assertThat(metadata(ours, family)).as("our %s", family).hasSize(2);
      assertThat(metadata(ours, family)).as(family).isEqualTo(metadata(theirs, family));
      assertThat(sampleNames(ours, family)).as(family).containsExactly(family);
      assertThat(sampleNames(theirs, family)).as(family).containsExactly(family);
    }
  }

  /** The family's # HELP and # TYPE lines. */
  private static TreeSet<String> metadata(String exposition, String family) {
    TreeSet<String> lines = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^# (HELP|TYPE) " + family + " .*$").matcher(exposition);
    while (m.find()) {
      lines.add(m.group());
    }
    return lines;
  }

  /** The family's samples with their labels, values left out. */
  private static TreeSet<String> sampleNames(String exposition, String family) {
    TreeSet<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^(" + family + "(?:\\{[^}]*})?) \\S+$").matcher(exposition);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static Path find(String... names) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : names) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    String message = names[0] + " is not on the PATH; install the Debian package prometheus-node-exporter";
    if ("true".equals(System.getenv("CI"))) {
      fail(message);
    }
    assumeTrue(false, message);
    throw new AssertionError("unreachable");
  }

  private static String nodeExporter(Path binary) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Path log = Files.createTempFile("node_exporter", ".log");
    Process process = new ProcessBuilder(binary.toString(), "--web.listen-address=127.0.0.1:" + port,
        "--collector.disable-defaults").redirectErrorStream(true).redirectOutput(log.toFile()).start();
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
