package io.taoprom.metrics.host;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * The host collectors' test fixtures and what a test makes of a collector's output:
 *
 * <ul>
 *   <li>the fixture trees under {@code src/test/resources/io/taoprom/metrics/host/}:
 *       {@code <collector>/<machine>/proc} and {@code <collector>/<machine>/sys}, where machine is
 *       {@code vm} (copied from the build VM) or {@code gpu-server} (written by hand in the
 *       kernel's formats), read in place ({@link #proc}, {@link #sys}) or copied with the links,
 *       empty directories and file modes that Git cannot carry ({@link #copy});
 *   <li>{@code proc/}, a {@code /proc} written by hand for the first host collectors
 *       ({@link #fixtureProc});
 *   <li>files a test writes itself ({@link #write});
 *   <li>a collection in text format 0.0.4 ({@link #text}), what golden tests compare.
 * </ul>
 *
 * <pre>{@code
 * String ours = HostFixtures.text(new MdadmCollector(HostFixtures.proc("mdadm", "gpu-server")));
 * SysFs sys = HostFixtures.copy("hwmon/gpu-server", tempDir);
 * HostFixtures.write(tempDir, "class/net/eth0/mtu", "1500\n");
 * }</pre>
 */
public final class HostFixtures {

  /**
   * The layout file at the root of a tree that {@link #copy} restores, one directive a line; not
   * part of the tree itself:
   *
   * <pre>
   * link class/hwmon/hwmon1 ../../devices/platform/coretemp.0/hwmon/hwmon1
   * dir class/power_supply
   * mode class/dmi/id/product_serial 400
   * </pre>
   */
  public static final String LAYOUT = "layout.txt";

  private HostFixtures() {}

  /** What client_java's text writer makes of one collection. */
  public static String text(MultiCollector collector) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, collector.collect());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The fixture directory {@code <collector>/<machine>}, holding its {@code proc} and/or {@code sys}. */
  public static Path dir(String collector, String machine) {
    return resource(collector + "/" + machine);
  }

  /** {@code <collector>/<machine>/proc} as a {@link ProcFs}. */
  public static ProcFs proc(String collector, String machine) {
    return ProcFs.at(dir(collector, machine).resolve("proc"));
  }

  /** {@code <collector>/<machine>/sys} as a {@link SysFs}. */
  public static SysFs sys(String collector, String machine) {
    return SysFs.at(dir(collector, machine).resolve("sys"));
  }

  /** The hand-written {@code /proc} of the first host collectors' golden tests. */
  public static ProcFs fixtureProc() {
    return ProcFs.at(resource("proc"));
  }

  /**
   * The fixture tree {@code resource} (such as {@code hwmon/gpu-server}) copied into {@code into},
   * with its {@link #LAYOUT} applied, as a {@link SysFs}.
   */
  public static SysFs copy(String resource, Path into) throws IOException {
    Path source = resource(resource);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path from : (Iterable<Path>) files::iterator) {
        Path to = into.resolve(source.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else if (!from.equals(source.resolve(LAYOUT))) {
          Files.copy(from, to);
        }
      }
    }
    Path layout = source.resolve(LAYOUT);
    if (Files.exists(layout)) {
      apply(into, Files.readAllLines(layout, StandardCharsets.UTF_8));
    }
    return SysFs.at(into);
  }

  /** Writes {@code content} to {@code relative} below {@code root}, making the directories. */
  public static Path write(Path root, String relative, String content) {
    Path file = root.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A directory of the test resources beside this class. */
  private static Path resource(String relative) {
    URL url = HostFixtures.class.getResource(relative);
    if (url == null) {
      throw new IllegalArgumentException("no test resource io/taoprom/metrics/host/" + relative);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void apply(Path root, List<String> lines) throws IOException {
    for (String line : lines) {
      String[] f = line.strip().split("\\s+");
      if (f.length == 0 || f[0].isEmpty() || f[0].startsWith("#")) {
        continue;
      }
      Path path = root.resolve(f[1]);
      switch (f[0]) {
        case "link" -> {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(f[2]));
        }
        case "dir" -> Files.createDirectories(path);
        case "mode" -> Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(rwx(f[2])));
        default -> throw new IllegalArgumentException(LAYOUT + ": unknown directive in \"" + line + "\"");
      }
    }
  }

  /** {@code 400} as {@code r--------}. */
  private static String rwx(String octal) {
    StringBuilder out = new StringBuilder();
    for (char digit : octal.toCharArray()) {
      int bits = digit - '0';
      out.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-').append((bits & 1) != 0 ? 'x' : '-');
    }
    return out.toString();
  }
}
