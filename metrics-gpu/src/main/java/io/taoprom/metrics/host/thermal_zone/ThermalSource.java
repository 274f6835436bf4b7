package io.taoprom.metrics.host.thermal_zone;

import io.taoprom.metrics.host.SysAttribute;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /sys/class/thermal}: {@code thermal_zoneN/{type,temp}} (millidegrees Celsius, signed)
 * and {@code cooling_deviceN/{type,cur_state,max_state}}. The directory is listed again on every
 * read, so zones and devices that come or go are seen at the next scrape.
 *
 * <p>A zone or device whose attribute is absent, not readable by this user, or refused by its
 * driver ({@code ENODATA} from the zone of a switched-off Wi-Fi card) is left out, as
 * node_exporter leaves it out; a value that is not an integer is an error naming the file.
 */
final class ThermalSource {

  private static final String CLASS = "class/thermal";
  private static final String ZONE = "thermal_zone";
  private static final String COOLING = "cooling_device";

  /** One thermal zone: {@code zone} is N of {@code thermal_zoneN}. */
  record Zone(String zone, String type, long millidegrees) {}

  /** One cooling device: {@code name} is N of {@code cooling_deviceN}; cur_state may be -1. */
  record CoolingDevice(String name, String type, long curState, long maxState) {}

  /** What one read found. */
  record Thermal(List<Zone> zones, List<CoolingDevice> coolingDevices) {}

  private final SysFs sys;

  ThermalSource(SysFs sys) {
    this.sys = sys;
  }

  Thermal read() throws IOException {
    List<Zone> zones = new ArrayList<>();
    List<CoolingDevice> devices = new ArrayList<>();
    for (String entry : sys.list(CLASS)) {
      if (numbered(entry, ZONE)) {
        Path dir = sys.path(CLASS).resolve(entry);
        String type = optional(dir.resolve("type"));
        String temp = optional(dir.resolve("temp"));
        if (type != null && temp != null) {
          zones.add(new Zone(entry.substring(ZONE.length()), type, SysAttribute.parseLong(dir.resolve("temp"), temp)));
        }
      } else if (numbered(entry, COOLING)) {
        Path dir = sys.path(CLASS).resolve(entry);
        String type = optional(dir.resolve("type"));
        String max = optional(dir.resolve("max_state"));
        String cur = optional(dir.resolve("cur_state"));
        if (type != null && max != null && cur != null) {
          devices.add(new CoolingDevice(entry.substring(COOLING.length()), type,
              SysAttribute.parseLong(dir.resolve("cur_state"), cur),
              SysAttribute.parseLong(dir.resolve("max_state"), max)));
        }
      }
    }
    return new Thermal(zones, devices);
  }

  /** {@code prefix} followed by a digit: the kernel's {@code thermal_zone%d}, as node_exporter globs it. */
  private static boolean numbered(String entry, String prefix) {
    return entry.length() > prefix.length() && entry.startsWith(prefix)
        && entry.charAt(prefix.length()) >= '0' && entry.charAt(prefix.length()) <= '9';
  }

  /** The stripped value; null where the attribute is absent, denied or refused. */
  private static String optional(Path file) throws IOException {
    return SysAttribute.readIfShown(file).orElse(null);
  }
}
