package io.taoprom.metrics.host.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.metrics.host.ExternalTool;
import io.taoprom.metrics.host.HostFixtures;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The real node_exporter (Debian's {@code prometheus-node-exporter}) run on a fixture tree
 * ({@code --path.procfs}, {@code --path.sysfs}) with one collector, its output compared with ours
 * on the same tree: every family on either side, with the same type, help text, series and values.
 * Skipped with a message where node_exporter is not installed; fails where {@code CI=true}.
 *
 * <pre>{@code
 * NodeExporterOnFixture.assertSame("arp", HostFixtures.dir("arp", "vm"), "node_arp_", ourText, Set.of());
 * }</pre>
 */
public final class NodeExporterOnFixture {

  private NodeExporterOnFixture() {}

  /**
   * @param collector node_exporter's collector name, enabled alone
   * @param machine the fixture's machine directory, holding {@code proc} and/or {@code sys}
   * @param prefix the collector's family names' prefix, to tell its families from node_exporter's own
   * @param ours our collector's text on the same tree
   * @param newerThanOracle families upstream added after this node_exporter, which it cannot have
   * @param flags further node_exporter flags (the collector's filters)
   */
  public static void assertSame(String collector, Path machine, String prefix, String ours, Set<String> newerThanOracle,
      String... flags) throws Exception {
    Path binary = ExternalTool.require("prometheus-node-exporter", "prometheus-node-exporter", "node_exporter");
    List<String> command = new ArrayList<>(List.of(binary.toString(),
        "--path.procfs=" + machine.resolve("proc"), "--path.sysfs=" + machine.resolve("sys"),
        "--collector.disable-defaults", "--collector." + collector));
    command.addAll(List.of(flags));
    Map<String, ParsedFamily> theirs = byName(scrape(command), prefix);
    Map<String, ParsedFamily> our = byName(ours, prefix);
    assertThat(our).as("our families on " + machine).isNotEmpty();

    List<String> differences = new ArrayList<>();
    for (ParsedFamily family : our.values()) {
      ParsedFamily their = theirs.get(family.name());
      if (their == null) {
        if (!newerThanOracle.contains(family.name())) {
          differences.add(family.name() + ": node_exporter has no such family");
        }
        continue;
      }
      if (family.type() != their.type()) {
        differences.add(family.name() + ": type " + family.type() + " vs " + their.type());
      }
      if (!family.help().equals(their.help())) {
        differences.add(family.name() + ": help \"" + family.help() + "\" vs \"" + their.help() + "\"");
      }
      if (!values(family).equals(values(their))) {
        differences.add(family.name() + ": " + values(family) + " vs " + values(their));
      }
    }
    for (String name : theirs.keySet()) {
      if (!our.containsKey(name)) {
        differences.add(name + ": only node_exporter has it");
      }
    }
    assertThat(differences).as("ours vs node_exporter on " + machine).isEmpty();
  }

  /** Each series (name and labels) and its value. */
  private static Map<String, Double> values(ParsedFamily family) {
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

  private static Map<String, ParsedFamily> byName(String text, String prefix) throws Exception {
    Map<String, ParsedFamily> out = new TreeMap<>();
    for (ParsedFamily f : TextFormatParser.parse(text)) {
      if (f.name().startsWith(prefix) && (f.type() != FamilyType.UNTYPED || !f.samples().isEmpty())) {
        out.put(f.name(), f);
      }
    }
    return out;
  }

  private static String scrape(List<String> command) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    List<String> withPort = new ArrayList<>(command);
    withPort.add(1, "--web.listen-address=127.0.0.1:" + port);
    Path log = Files.createTempFile("node_exporter", ".log");
    Process process = new ProcessBuilder(withPort).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
          .timeout(Duration.ofSeconds(5)).build();
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (true) {
        try {
          HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
