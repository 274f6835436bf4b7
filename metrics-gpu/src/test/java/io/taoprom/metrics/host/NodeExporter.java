package io.taoprom.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.metrics.textfile.format.ParsedFamily;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real node_exporter (Debian's {@code prometheus-node-exporter}), run for one scrape: the
 * oracle our host collectors are checked against, on this machine and on fixture trees
 * ({@code --path.procfs}, {@code --path.sysfs}) with one collector. Tests using it skip where it
 * is not installed and fail where {@code CI=true} ({@link ExternalTool}); their differences come
 * from {@link FamilyDiff}.
 *
 * <pre>{@code
 * // a hardware collector on a copied sysfs tree
 * NodeExporter ne = NodeExporter.find();
 * String theirs = ne.scrape("rapl", sys, false);
 * // a storage collector on a fixture tree, ours linted with promtool too
 * List<String> diff = NodeExporter.differences("mdadm",
 *     List.of("--path.procfs=" + HostFixtures.dir("mdadm", "gpu-server").resolve("proc")), collector);
 * // a network collector: fails the test on any difference
 * NodeExporter.assertSame("arp", HostFixtures.dir("arp", "vm"), "node_arp_", ours, Set.of());
 * }</pre>
 */
public final class NodeExporter {

  private static final Pattern VERSION = Pattern.compile("version (\\d+)\\.(\\d+)\\.(\\d+)");

  private final Path binary;
  private final int major;
  private final int minor;

  private NodeExporter(Path binary, int major, int minor) {
    this.binary = binary;
    this.major = major;
    this.minor = minor;
  }

  /** The node_exporter on the PATH (skips the test without one, fails it under {@code CI=true}). */
  public static NodeExporter find() throws IOException, InterruptedException {
    Path binary = ExternalTool.require("prometheus-node-exporter", "prometheus-node-exporter", "node_exporter");
    String out = output(binary.toString(), "--version");
    Matcher m = VERSION.matcher(out);
    assertThat(m.find()).as("node_exporter --version: %s", out).isTrue();
    return new NodeExporter(binary, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** Whether this node_exporter is older than {@code major.minor}. */
  public boolean olderThan(int major, int minor) {
    return this.major < major || this.major == major && this.minor < minor;
  }

  /** Its version, {@code 1.5}. */
  public String version() {
    return major + "." + minor;
  }

  /** The collectors this node_exporter build has, from its {@code --help}. */
  public Set<String> collectors() throws IOException, InterruptedException {
    String help = output(binary.toString(), "--help");
    Set<String> names = new TreeSet<>();
    Matcher negatable = Pattern.compile("--\\[no-\\]collector\\.([a-z_0-9]+)\\s").matcher(help);
    while (negatable.find()) {
      names.add(negatable.group(1));
    }
    Matcher plain = Pattern.compile("\\n\\s+--collector\\.([a-z_0-9]+)\\s+Enable the").matcher(help);
    while (plain.find()) {
      names.add(plain.group(1));
    }
    assertThat(names).as("collectors in node_exporter --help").contains("cpu", "loadavg");
    return names;
  }

  /** One scrape of node_exporter run with {@code flags} (collectors, paths, filters) on a free loopback port. */
  public String scrape(List<String> flags) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--web.listen-address=127.0.0.1:" + port));
    command.addAll(flags);
    return scrape(command, port);
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
    try {
      String body = scrape(command, port);
      assertThat(body).as("node_exporter %s on %s", collector, sys.root())
          .contains("node_scrape_collector_success{collector=\"" + collector + "\"} 1");
      return body;
    } finally {
      Files.deleteIfExists(procfs);
    }
  }

  /**
   * node_exporter with only {@code collector} and {@code flags} (its paths, filters), and ours on
   * the same tree: {@link FamilyDiff#differences} of the two, after a line {@code lint: COMPLAINT}
   * for each complaint of {@code promtool check metrics} about ours.
   */
  public static List<String> differences(String collector, List<String> flags, MultiCollector ours) throws Exception {
    Path promtool = ExternalTool.require("prometheus", "promtool");
    List<String> command = new ArrayList<>(List.of("--collector.disable-defaults", "--collector." + collector));
    command.addAll(flags);
    Map<String, ParsedFamily> theirs = FamilyDiff.families(find().scrape(command));
    String ourText = HostFixtures.text(ours);
    List<String> out = new ArrayList<>();
    for (String complaint : lint(promtool, ourText)) {
      out.add("lint: " + complaint);
    }
    out.addAll(FamilyDiff.differences(FamilyDiff.families(ourText), theirs));
    return out;
  }

  /**
   * Asserts that node_exporter with only {@code collector}, reading {@code machine}'s {@code proc}
   * and {@code sys}, serves the families whose names start with {@code prefix} exactly as
   * {@code ours} does.
   *
   * @param newerThanOracle families upstream added after this node_exporter, which it cannot have
   * @param flags further node_exporter flags (the collector's filters)
   */
  public static void assertSame(String collector, Path machine, String prefix, String ours, Set<String> newerThanOracle,
      String... flags) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        "--path.procfs=" + machine.resolve("proc"), "--path.sysfs=" + machine.resolve("sys"),
        "--collector.disable-defaults", "--collector." + collector));
    command.addAll(List.of(flags));
    Map<String, ParsedFamily> theirs = FamilyDiff.families(find().scrape(command), prefix);
    Map<String, ParsedFamily> our = FamilyDiff.families(ours, prefix);
    assertThat(our).as("our families on " + machine).isNotEmpty();
    our.keySet().removeIf(name -> newerThanOracle.contains(name) && !theirs.containsKey(name));
    assertThat(FamilyDiff.differences(our, theirs)).as("ours vs node_exporter on " + machine).isEmpty();
  }

  private static String scrape(List<String> command, int port) throws Exception {
    Path log = Files.createTempFile("node_exporter", ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
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

  /** What {@code promtool check metrics} says about {@code text}, a line per complaint. */
  private static List<String> lint(Path promtool, String text) throws Exception {
    Process process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(text.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return output.lines().filter(l -> !l.isBlank()).toList();
  }

  private static String output(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
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
}
