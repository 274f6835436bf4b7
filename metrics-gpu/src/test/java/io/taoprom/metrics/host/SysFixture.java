package io.taoprom.metrics.host;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * A sysfs tree from the test resources ({@code io/taoprom/metrics/host/<collector>/<machine>/}),
 * copied into a scratch directory with what Git and Maven's resource copy cannot carry restored:
 * symbolic links (sysfs is made of them: {@code class/hwmon/hwmon1 -> ../../devices/...}), empty
 * directories and file modes. Those are listed in the tree's {@value #LAYOUT} file, one per line:
 *
 * <pre>
 * link class/hwmon/hwmon1 ../../devices/platform/coretemp.0/hwmon/hwmon1
 * dir class/power_supply
 * mode class/dmi/id/product_serial 400
 * </pre>
 *
 * <pre>{@code
 * SysFs sys = SysFixture.copy("hwmon/gpu-server", tempDir);
 * }</pre>
 */
public final class SysFixture {

  /** The layout file at the root of a fixture tree; not part of the tree itself. */
  public static final String LAYOUT = "layout.txt";

  private SysFixture() {}

  /** The fixture tree {@code resource} (relative to this package) copied into {@code into}. */
  public static SysFs copy(String resource, Path into) throws IOException {
    Path source = resourceDir(resource);
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

  /** The directory of a fixture tree in the test resources. */
  public static Path resourceDir(String resource) {
    URL url = SysFixture.class.getResource(resource);
    if (url == null) {
      throw new IllegalArgumentException("no test resource io/taoprom/metrics/host/" + resource);
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
