package io.taoprom.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
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
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Our host collectors next to the real node_exporter on this machine, with the same collectors
 * and the same (upstream default) filters: every family we serve must exist there with the same
 * name, type, help text and label names, over the same series, and the figures that do not move
 * between two reads must be equal. The collectors compared are every plugin on the class path
 * that says it is node_exporter's ({@link CollectorPlugin#nodeExporterCompatible()}) and that
 * this node_exporter build also has; a new collector is compared by registering it.
 */
class NodeExporterParityIT {

  /**
   * node_exporter's flags that set a collector's filters to TaoProm's defaults, where Debian's
   * package patches upstream's or where the two differ, keyed by collector.
   */
  private static final Map<String, List<String>> FILTERS = Map.of(
      "netdev", List.of("--no-collector.netdev.netlink", "--collector.netdev.device-exclude="),
      "diskstats", List.of("--collector.diskstats.device-exclude=^(z?ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$"),
      "filesystem", List.of(
          "--collector.filesystem.mount-points-exclude="
              + "^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)",
          "--collector.filesystem.fs-types-exclude="
              + "^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs|devpts|devtmpfs|fusectl|hugetlbfs|iso9660"
              + "|mqueue|nsfs|overlay|proc|procfs|pstore|rpc_pipefs|securityfs|selinuxfs|squashfs|erofs"
              + "|sysfs|tracefs)$"));

  /** Our node_exporter collectors that are available here, by name. */
  private static Map<String, CollectorPlugin> ours() {
    Map<String, CollectorPlugin> out = new TreeMap<>();
    for (CollectorPlugin plugin : ServiceLoader.load(CollectorPlugin.class)) {
      if (plugin.nodeExporterCompatible() && plugin.availability(CollectorConfig.empty()).available()) {
        out.put(plugin.name(), plugin);
      }
    }
    return out;
  }

  @Test
  void ourHostFamiliesMatchNodeExportersOnThisMachine() throws Exception {
    assumeTrue(HostBackend.detect() == HostBackend.PROC, "node_exporter parity is checked on Linux");
    Path nodeExporter = ExternalTool.require("prometheus-node-exporter", "prometheus-node-exporter", "node_exporter");

    Set<String> theirCollectors = collectorsOf(nodeExporter);
    Map<String, CollectorPlugin> compared = new TreeMap<>(ours());
    compared.keySet().retainAll(theirCollectors);
    assertThat(compared).containsKeys("cpu", "loadavg", "meminfo", "netdev", "diskstats", "filesystem", "time", "uname");

    Map<String, ParsedFamily> theirs = byName(nodeExporter(nodeExporter, compared.keySet()));
    StringBuilder ourText = new StringBuilder();
    for (CollectorPlugin plugin : compared.values()) {
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

    // --- storage and file-system collectors: mdadm, bcache, btrfs, nfs, nfsd, tapestats, xfs, zfs
    // (all in node_exporter 1.5; dmmultipath is not), diskstats' udev series, filesystem's inodes.
    // What a machine lacks these emit nothing for; their families are checked above wherever they
    // find something, and against node_exporter on fixture trees in the *FixtureParityIT tests.
    assertThat(compared).containsKeys("mdadm", "bcache", "btrfs", "nfs", "nfsd", "tapestats", "xfs", "zfs");
    ParsedFamily inodes = ours.get("node_filesystem_files");
    if (inodes != null) { // a file system's inode count is fixed when it is made
      assertThat(values(inodes)).isEqualTo(values(theirs.get("node_filesystem_files")));
    }
    ParsedFamily diskInfo = ours.get("node_disk_info");
    if (diskInfo != null) { // device numbers and udev's identity of each disk
      assertThat(series(diskInfo)).isEqualTo(series(theirs.get("node_disk_info")));
    }
    for (String md : List.of("node_md_disks_required", "node_md_blocks")) { // an array's shape
      if (ours.containsKey(md)) {
        assertThat(values(ours.get(md))).as(md).isEqualTo(values(theirs.get(md)));
      }
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

  /** The collectors this node_exporter build has, from its {@code --help}. */
  private static Set<String> collectorsOf(Path binary) throws Exception {
    Process help = new ProcessBuilder(binary.toString(), "--help").redirectErrorStream(true).start();
    String text = new String(help.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    help.waitFor();
    Set<String> names = new TreeSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("--\\[no-\\]collector\\.([a-z_0-9]+)\\s").matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    java.util.regex.Matcher plain = java.util.regex.Pattern.compile("\\n\\s+--collector\\.([a-z_0-9]+)\\s+Enable the").matcher(text);
    while (plain.find()) {
      names.add(plain.group(1));
    }
    assertThat(names).as("collectors in node_exporter --help").contains("cpu", "loadavg");
    return names;
  }

  /** One scrape of node_exporter run with the given collectors and our filters. */
  private static String nodeExporter(Path binary, Set<String> collectors) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Path log = Files.createTempFile("node_exporter", ".log");
    List<String> command = new ArrayList<>(List.of(
        binary.toString(), "--web.listen-address=127.0.0.1:" + port, "--collector.disable-defaults"));
    Set<String> enabled = new TreeSet<>(collectors);
    enabled.add("stat"); // node_boot_time_seconds: node_exporter's stat collector, TaoProm's time collector
    for (String collector : enabled) {
      command.add("--collector." + collector);
      command.addAll(FILTERS.getOrDefault(collector, List.of()));
    }
    Process process =
        new ProcessBuilder(command)
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
