package io.taoprom.metrics.host.hwmon;

import io.taoprom.metrics.host.SysAttribute;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code chip} label of an hwmon device, as node_exporter forms it. hwmon numbers follow the
 * order drivers load in and change between boots, so the name comes first from the device the
 * chip belongs to: its bus and its name, {@code platform_coretemp_0} for
 * {@code /sys/devices/platform/coretemp.0}, {@code nvme_nvme0} for an NVMe drive's sensor,
 * {@code 0000:00:03_1_0000:09:00_0} for a PCI card. Without a device it is the chip's
 * {@code name} file ({@code acpitz}), and failing that the directory's own name ({@code hwmon3}).
 *
 * <p>Where two chips get the same name (one device with two hwmon directories), each gets its
 * {@code name} file's content as a suffix, or where that does not tell them apart either, its
 * directory's name: {@code platform_asus_nb_wmi_asus} beside {@code platform_asus_nb_wmi_asus_wmi_sensors}.
 */
final class ChipNames {

  private ChipNames() {}

  /** One hwmon directory: its entry in {@code class/hwmon}, its base name and its stripped {@code name} file. */
  record Candidate(Path dir, String base, String nameFile) {}

  /**
   * The base name of the chip in {@code dir} ({@code /sys/class/hwmon/hwmon1}), or null where none
   * can be made (node_exporter leaves such a chip out).
   */
  static String base(Path dir, String nameFile) {
    try {
      Path device = dir.resolve("device").toRealPath();
      Path deviceName = device.getFileName();
      Path parent = device.getParent() == null ? null : device.getParent().getFileName();
      String name = deviceName == null ? "" : clean(deviceName.toString());
      String type = parent == null ? "" : clean(parent.toString());
      if (!type.isEmpty() && !name.isEmpty()) {
        return type + "_" + name;
      }
      if (!name.isEmpty()) {
        return name;
      }
    } catch (IOException | SecurityException noDevice) {
      // a virtual chip (acpitz on older kernels): named by its name file below
    }
    if (nameFile != null && !nameFile.isEmpty()) {
      String name = clean(nameFile);
      if (!name.isEmpty()) {
        return name;
      }
    }
    try {
      Path real = dir.toRealPath().getFileName();
      String name = real == null ? "" : clean(real.toString());
      return name.isEmpty() ? null : name;
    } catch (IOException gone) {
      return null;
    }
  }

  /** The chip's {@code name} file, whole (node_exporter cleans it for the name, strips it for the suffix); null without one. */
  static String nameFile(Path dir) {
    try {
      return SysAttribute.read(dir.resolve("name"));
    } catch (IOException unreadable) {
      return null;
    }
  }

  /** The final labels of {@code candidates}, in their order: base names made unique. */
  static String[] unique(List<Candidate> candidates) {
    Map<String, Integer> bases = new HashMap<>();
    Map<String, Integer> basesAndNames = new HashMap<>();
    for (Candidate c : candidates) {
      bases.merge(c.base(), 1, Integer::sum);
      basesAndNames.merge(c.base() + '\0' + strip(c.nameFile()), 1, Integer::sum);
    }
    String[] chips = new String[candidates.size()];
    for (int i = 0; i < chips.length; i++) {
      Candidate c = candidates.get(i);
      String chip = c.base();
      if (bases.get(c.base()) > 1) {
        String suffix = clean(strip(c.nameFile()));
        if (suffix.isEmpty() || basesAndNames.get(c.base() + '\0' + strip(c.nameFile())) > 1) {
          suffix = clean(c.dir().getFileName().toString());
        }
        chip = c.base() + "_" + suffix;
      }
      chips[i] = chip;
    }
    return chips;
  }

  /**
   * node_exporter's {@code cleanMetricName}: lower case, every character but {@code a-z 0-9 : _}
   * made an underscore, underscores trimmed from both ends.
   */
  static String clean(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    lower.codePoints().forEach(cp -> out.append(
        cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9' || cp == ':' || cp == '_' ? (char) cp : '_'));
    int start = 0;
    int end = out.length();
    while (start < end && out.charAt(start) == '_') {
      start++;
    }
    while (end > start && out.charAt(end - 1) == '_') {
      end--;
    }
    return out.substring(start, end);
  }

  private static String strip(String text) {
    return text == null ? "" : text.strip();
  }
}
