package io.taoprom.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real node_exporter run on a sysfs fixture tree ({@code --path.sysfs}), one collector at a
 * time, and its families set beside ours: the oracle for the hardware collectors, whose hardware
 * this build machine lacks. Tests using it skip where node_exporter is not installed and fail
 * where {@code CI=true} (see {@link ExternalTool}).
 *
 * <pre>{@code
 * NodeExporterOnFixture ne = NodeExporterOnFixture.find();
 * String theirs = ne.scrape("rapl", sys, false);
 * assertThat(NodeExporterOnFixture.differences(families(ours), families(theirs))).isEmpty();
 * }</pre>
 */
public final class NodeExporterOnFixture {

  private static final Pattern VERSION = Pattern.compile("version (\\d+)\\.(\\d+)\\.(\\d+)");
  /** Families node_exporter serves about itself and its runtime, not about the tree. */
  private static final Predicate<String> OWN = name -> name.startsWith("go_") || name.startsWith("process_")
      || name.startsWith("promhttp_") || name.startsWith("node_exporter_") || name.startsWith("node_scrape_collector_");

  private final Path binary;
  private final int major;
  private final int minor;

  private NodeExporterOnFixture(Path binary, int major, int minor) {
    this.binary = binary;
    this.major = major;
    this.minor = minor;
  }

  /** The node_exporter on the PATH (skips the test without one, fails it under {@code CI=true}). */
  public static NodeExporterOnFixture find() throws IOException, InterruptedException {
    Path binary = ExternalTool.require("prometheus-node-exporter", "prometheus-node-exporter", "node_exporter");
    Process p = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    Matcher m = VERSION.matcher(out);
    assertThat(m.find()).as("node_exporter --version: %s", out).isTrue();
    return new NodeExporterOnFixture(binary, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** Whether this node_exporter is older than {@code major.minor}. */
  public boolean olderThan(int major, int minor) {
    return this.major < major || this.major == major && this.minor < minor;
  }

  /** Its version, {@code 1.5}. */
  public String version() {
    return major + "." + minor;
  }

  /**
   * One scrape of node_exporter with only {@code collector}, reading {@code sys}'s tree. With
   * {@code unprivileged}, a root test run starts it as {@code nobody} (setpriv), the user it is
   * meant to run as: what root alone may read (DMI serials) is then left out, as by TaoProm.
   * Asserts that the collector succeeded there.
   */
  public String scrape(String collector, SysFs sys, boolean unprivileged, String... flags) throws Exception {
    Path procfs = Files.createTempDirectory("procfs");
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    if (unprivileged && "root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of(ExternalTool.require("util-linux", "setpriv").toString(),
          "--reuid=65534", "--regid=65534", "--clear-groups"));
      readableByAll(sys.root());
    }
    command.addAll(List.of(binary.toString(), "--web.listen-address=127.0.0.1:" + port,
        "--collector.disable-defaults", "--collector." + collector,
        "--path.sysfs=" + sys.root(), "--path.procfs=" + procfs));
    command.addAll(List.of(flags));
    Path log = Files.createTempFile("node_exporter", ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      String body = get(port, process, log);
      assertThat(body).as("node_exporter %s on %s", collector, sys.root())
          .contains("node_scrape_collector_success{collector=\"" + collector + "\"} 1");
      return body;
    } finally {
      process.destroy();
      process.waitFor();
      Files.deleteIfExists(log);
      Files.deleteIfExists(procfs);
    }
  }

  private static String get(int port, Process process, Path log) throws Exception {
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
  }

  /** The scratch tree and the directories above it up to the temporary directory opened to other users (JUnit makes them 0700). */
  private static void readableByAll(Path root) throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    Path dir = root.toAbsolutePath();
    assertThat(dir.startsWith(tmp)).as("%s is a scratch directory under %s", dir, tmp).isTrue();
    for (; !dir.equals(tmp); dir = dir.getParent()) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  /** The families of {@code text} by name, node_exporter's own families and empty ones left out. */
  public static Map<String, ParsedFamily> families(String text) throws Exception {
    Map<String, ParsedFamily> out = new TreeMap<>();
    for (ParsedFamily f : TextFormatParser.parse(text)) {
      if (!OWN.test(f.name()) && (f.type() != FamilyType.UNTYPED || !f.samples().isEmpty())) {
        out.put(f.name(), f);
      }
    }
    return out;
  }

  /** {@code families} without the samples that {@code drop} matches (and without families left empty). */
  public static Map<String, ParsedFamily> without(Map<String, ParsedFamily> families, Predicate<ParsedSample> drop) {
    Map<String, ParsedFamily> out = new TreeMap<>();
    families.forEach((name, f) -> {
      List<ParsedSample> kept = f.samples().stream().filter(drop.negate()).toList();
      if (!kept.isEmpty()) {
        out.put(name, new ParsedFamily(f.name(), f.help(), f.type(), kept));
      }
    });
    return out;
  }

  /** {@code families} with label {@code label} taken off every sample of family {@code family}. */
  public static Map<String, ParsedFamily> withoutLabel(Map<String, ParsedFamily> families, String family, String label) {
    Map<String, ParsedFamily> out = new TreeMap<>(families);
    ParsedFamily f = families.get(family);
    if (f != null) {
      List<ParsedSample> samples = new ArrayList<>();
      for (ParsedSample s : f.samples()) {
        List<String> names = new ArrayList<>(s.labelNames());
        List<String> values = new ArrayList<>(s.labelValues());
        int i = names.indexOf(label);
        if (i >= 0) {
          names.remove(i);
          values.remove(i);
        }
        samples.add(new ParsedSample(s.name(), names, values, s.value(), s.timestampMillis()));
      }
      out.put(family, new ParsedFamily(f.name(), f.help(), f.type(), samples));
    }
    return out;
  }

  /** {@code theirs} with the help texts of {@code ours} for {@code names}: where only the wording changed upstream. */
  public static Map<String, ParsedFamily> withHelpOf(
      Map<String, ParsedFamily> theirs, Map<String, ParsedFamily> ours, String... names) {
    Map<String, ParsedFamily> out = new TreeMap<>(theirs);
    for (String name : names) {
      ParsedFamily their = theirs.get(name);
      if (their != null && ours.containsKey(name)) {
        out.put(name, new ParsedFamily(name, ours.get(name).help(), their.type(), their.samples()));
      }
    }
    return out;
  }

  /**
   * Every way {@code ours} differs from {@code theirs}: a family only one has, or a family's type,
   * help text, series (name and labels) or any value. The trees do not change, so every value must
   * be equal, to the bit.
   */
  public static List<String> differences(Map<String, ParsedFamily> ours, Map<String, ParsedFamily> theirs) {
    List<String> out = new ArrayList<>();
    for (String name : theirs.keySet()) {
      if (!ours.containsKey(name)) {
        out.add(name + ": only node_exporter has it");
      }
    }
    for (ParsedFamily our : ours.values()) {
      ParsedFamily their = theirs.get(our.name());
      if (their == null) {
        out.add(our.name() + ": node_exporter has no such family");
        continue;
      }
      if (our.type() != their.type()) {
        out.add(our.name() + ": type " + our.type() + " vs " + their.type());
      }
      if (!our.help().equals(their.help())) {
        out.add(our.name() + ": help \"" + our.help() + "\" vs \"" + their.help() + "\"");
      }
      Map<String, Double> a = series(our);
      Map<String, Double> b = series(their);
      if (!a.keySet().equals(b.keySet())) {
        out.add(our.name() + ": series " + a.keySet() + " vs " + b.keySet());
      } else {
        a.forEach((series, value) -> {
          if (Double.compare(value, b.get(series)) != 0) {
            out.add(series + ": " + value + " vs " + b.get(series));
          }
        });
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
}
