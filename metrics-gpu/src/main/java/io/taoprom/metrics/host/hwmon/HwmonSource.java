package io.taoprom.metrics.host.hwmon;

import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.SysAttribute;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chips of {@code /sys/class/hwmon} and their sensor files, read as node_exporter reads them.
 * Chips are listed again on every read (a hot-plugged drive or a reloaded driver brings chips
 * and takes them away), and so are their files.
 *
 * <p>For each chip both its own directory and its device's are searched for files of the known
 * sensor types (older drivers keep their sensors on the device); every such file is read, and a
 * file that cannot be read (write-only {@code temp1_reset_history}, a sensor that answers
 * {@code EAGAIN} or {@code EIO} while its bus is busy, a subdirectory named like a sensor) is
 * skipped, as node_exporter skips it. A chip directory, or its device, that exists but cannot be
 * listed is an error naming it.
 */
final class HwmonSource {

  private static final String CLASS = "class/hwmon";

  /**
   * One chip.
   *
   * @param chip the {@code chip} label, {@code platform_coretemp_0}
   * @param humanName its {@code name} file cleaned ({@code coretemp}), null without one
   * @param sensors sensor ({@code temp1}) to property ({@code input}, {@code ""} for the raw
   *     value) to the file's text without its newlines, sorted
   */
  record Chip(String chip, String humanName, Map<String, Map<String, String>> sensors) {}

  private final SysFs sys;
  private final DeviceFilter chips;

  HwmonSource(SysFs sys, DeviceFilter chips) {
    this.sys = sys;
    this.chips = chips;
  }

  List<Chip> read() throws IOException {
    List<ChipNames.Candidate> candidates = new ArrayList<>();
    for (String entry : sys.list(CLASS)) {
      Path dir = sys.path(CLASS).resolve(entry);
      if (!Files.isDirectory(dir)) {
        continue; // node_exporter follows the link and takes directories only
      }
      String nameFile = ChipNames.nameFile(dir);
      String base = ChipNames.base(dir, nameFile);
      if (base != null) {
        candidates.add(new ChipNames.Candidate(dir, base, nameFile));
      }
    }
    String[] names = ChipNames.unique(candidates);
    List<Chip> result = new ArrayList<>(candidates.size());
    for (int i = 0; i < names.length; i++) {
      if (chips.ignored(names[i])) {
        continue;
      }
      ChipNames.Candidate c = candidates.get(i);
      Map<String, Map<String, String>> sensors = new TreeMap<>();
      readSensors(c.dir(), sensors);
      Path device = c.dir().resolve("device");
      if (Files.exists(device)) {
        readSensors(device, sensors);
      }
      String human = c.nameFile() == null || c.nameFile().isEmpty() ? "" : ChipNames.clean(c.nameFile());
      result.add(new Chip(names[i], human.isEmpty() ? null : human, sensors));
    }
    return result;
  }

  private static void readSensors(Path dir, Map<String, Map<String, String>> sensors) throws IOException {
    List<String> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        files.add(entry.getFileName().toString());
      }
    } catch (IOException e) {
      throw new IOException("cannot list hwmon directory " + dir + ": " + e.getMessage(), e);
    }
    for (String file : files) {
      SensorName name = SensorName.parse(file);
      if (name == null || !SensorName.TYPES.contains(name.type())) {
        continue;
      }
      String text;
      try {
        text = SysAttribute.read(dir.resolve(file));
      } catch (IOException unreadable) {
        continue;
      }
      if (text != null) {
        sensors.computeIfAbsent(name.sensor(), s -> new TreeMap<>()).put(name.property(), trimNewlines(text));
      }
    }
  }

  /** Go's {@code strings.Trim(s, "\n")}: newlines only, at both ends; blanks stay (and make no number). */
  private static String trimNewlines(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == '\n') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == '\n') {
      end--;
    }
    return text.substring(start, end);
  }
}
