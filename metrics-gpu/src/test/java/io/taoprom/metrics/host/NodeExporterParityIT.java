package io.taoprom.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.cpu.CpuPlugin;
import io.taoprom.metrics.host.diskstats.DiskstatsPlugin;
import io.taoprom.metrics.host.filesystem.FilesystemPlugin;
import io.taoprom.metrics.host.loadavg.LoadavgPlugin;
import io.taoprom.metrics.host.meminfo.MeminfoPlugin;
import io.taoprom.metrics.host.netdev.NetdevPlugin;
import io.taoprom.metrics.host.time.TimePlugin;
import io.taoprom.metrics.host.uname.UnamePlugin;
import io.taoprom.metrics.textfile.format.FamilyType;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Our host collectors next to the real node_exporter on this machine, with the same collectors
 * and the same (upstream default) filters: every family we serve must exist there with the same
 * name, type, help text and label names, over the same series, and the figures that do not move
 * between two reads must be equal.
 */
class NodeExporterParityIT {

  private static final List<CollectorPlugin> OURS =
      List.of(
          new CpuPlugin(), new LoadavgPlugin(), new MeminfoPlugin(), new NetdevPlugin(),
          new DiskstatsPlugin(), new FilesystemPlugin(), new TimePlugin(), new UnamePlugin());

  @Test
  void ourHostFamiliesMatchNodeExportersOnThisMachine() throws Exception {
    assumeTrue(HostBackend.detect() == HostBackend.PROC, "node_exporter parity is checked on Linux");
    Path nodeExporter = ExternalTool.require("prometheus-node-exporter", "prometheus-node-exporter", "node_exporter");

    Map<String, ParsedFamily> theirs = byName(nodeExporter(nodeExporter));
    StringBuilder ourText = new StringBuilder();
    for (CollectorPlugin plugin : OURS) {
      ourText.append(Exposition.text(plugin.create(CollectorConfig.empty())));
    }
    Map<String, ParsedFamily> ours = byName(ourText.toString());

    assertThat(ours).containsKeys("node_cpu_seconds_total", "node_load1", "node_memory_MemTotal_bytes",
        "node_network_receive_bytes_total", "node_boot_time_seconds", "node_uname_info");
    List<String> differences = new ArrayList<>();
    for (ParsedFamily our : ours.values()) {
      ParsedFamily their = theirs.get(our.name());
      if (their == null) {
        differences.add(our.name() + ": node_exporter has no such family");
        continue;
      }
      if (our.type() != their.type()) {
        differences.add(our.name() + ": type " + our.type() + " vs " + their.type());
      }
      if (!our.help().equals(their.help())) {
        differences.add(our.name() + ": help \"" + our.help() + "\" vs \"" + their.help() + "\"");
      }
      if (!series(our).equals(series(their))) {
        differences.add(our.name() + ": series " + series(our) + " vs " + series(their));
      }
    }
    assertThat(differences).isEmpty();

    for (String stable : List.of("node_memory_MemTotal_bytes", "node_memory_SwapTotal_bytes")) {
      assertThat(value(ours, stable)).as(stable).isEqualTo(value(theirs, stable));
    }
    assertThat(value(ours, "node_boot_time_seconds")).isCloseTo(value(theirs, "node_boot_time_seconds"), org.assertj.core.data.Offset.offset(1.0));
    assertThat(ours.get("node_uname_info").samples()).isEqualTo(theirs.get("node_uname_info").samples());
    ParsedFamily sizes = ours.get("node_filesystem_size_bytes");
    if (sizes != null) {
      assertThat(values(sizes)).isEqualTo(values(theirs.get("node_filesystem_size_bytes")));
    }
  }

  /** The series of a family: each sample's name and labels, values left out. */
  private static Set<String> series(ParsedFamily family) {
    Set<String> out = new TreeSet<>();
    for (ParsedSample s : family.samples()) {
      Map<String, String> labels = new TreeMap<>();
      for (int i = 0; i < s.labelNames().size(); i++) {
        labels.put(s.labelNames().get(i), s.labelValues().get(i));
      }
      out.add(s.name() + labels);
    }
    return out;
  }

  private static Map<String, Double> values(ParsedFamily family) {
    return family.samples().stream().collect(Collectors.toMap(s -> series1(s), ParsedSample::value));
  }

  private static String series1(ParsedSample s) {
    return s.labelNames() + "=" + s.labelValues();
  }

  private static double value(Map<String, ParsedFamily> families, String name) {
    return families.get(name).samples().get(0).value();
  }

  private static Map<String, ParsedFamily> byName(String text) throws Exception {
    Map<String, ParsedFamily> out = new TreeMap<>();
    for (ParsedFamily f : TextFormatParser.parse(text)) {
      if (f.type() != FamilyType.UNTYPED || !f.samples().isEmpty()) {
        out.put(f.name(), f);
      }
    }
    return out;
  }

  /** One scrape of node_exporter run with our collectors and filters. */
  private static String nodeExporter(Path binary) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Path log = Files.createTempFile("node_exporter", ".log");
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "--web.listen-address=127.0.0.1:" + port,
                "--collector.disable-defaults",
                "--collector.cpu", "--collector.loadavg", "--collector.meminfo", "--collector.netdev",
                "--collector.diskstats", "--collector.filesystem", "--collector.time", "--collector.uname",
                "--collector.stat",
                // Upstream's defaults, which ours are (Debian's package patches some of them).
                "--no-collector.netdev.netlink",
                "--collector.netdev.device-exclude=",
                "--collector.diskstats.device-exclude=^(z?ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$",
                "--collector.filesystem.mount-points-exclude="
                    + "^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)",
                "--collector.filesystem.fs-types-exclude="
                    + "^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs|devpts|devtmpfs|fusectl|hugetlbfs|iso9660"
                    + "|mqueue|nsfs|overlay|proc|procfs|pstore|rpc_pipefs|securityfs|selinuxfs|squashfs|erofs"
                    + "|sysfs|tracefs)$")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
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
