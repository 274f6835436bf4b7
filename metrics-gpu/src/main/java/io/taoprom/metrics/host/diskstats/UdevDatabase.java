package io.taoprom.metrics.host.diskstats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What udev knows about a block device: the {@code E:KEY=VALUE} properties of
 * {@code /run/udev/data/b<major>:<minor>} ({@code ID_MODEL}, {@code ID_SERIAL_SHORT},
 * {@code ID_FS_TYPE}, {@code DM_NAME}, …), as node_exporter's diskstats collector reads them.
 * A device udev has no record of (no udev in a container, a loop device) has no properties.
 *
 * <pre>{@code
 * UdevDatabase udev = UdevDatabase.at(Path.of("/run/udev/data"));
 * String model = udev.properties(259, 0).getOrDefault("ID_MODEL", "");
 * }</pre>
 */
final class UdevDatabase {

  /** The default, node_exporter's {@code --path.udev.data}. */
  static final String DEFAULT_PATH = "/run/udev/data";

  /** A record is a few hundred bytes; more than this is not udev's and is read no further. */
  static final int MAX_BYTES = 64 * 1024;

  private final Path dir;

  private UdevDatabase(Path dir) {
    this.dir = dir;
  }

  static UdevDatabase at(Path dir) {
    return new UdevDatabase(dir);
  }

  /** The properties of block device {@code major:minor}; empty when udev has no readable record. */
  Map<String, String> properties(long major, long minor) {
    Path file = dir.resolve("b" + major + ":" + minor);
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES);
    } catch (IOException absentOrUnreadable) {
      return Map.of(); // node_exporter serves the device with empty labels then, too
    }
    Map<String, String> properties = new HashMap<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("E:")) {
        int eq = line.indexOf('=');
        if (eq > 2) {
          properties.put(line.substring(2, eq), line.substring(eq + 1));
        }
      }
    }
    return properties;
  }

  @Override
  public String toString() {
    return dir.toString();
  }
}
