package io.taoprom.metrics.host.rapl;

import io.taoprom.metrics.host.SysAttribute;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The power zones of {@code /sys/class/powercap}: every entry with a {@code name} file
 * ({@code intel-rapl:0} is {@code package-0}, {@code intel-rapl:0:0} is {@code dram}; the control
 * type {@code intel-rapl} itself has none) and its energy counter {@code energy_uj}.
 *
 * <p>Zones are named and numbered as node_exporter numbers them: a name ending in {@code -N}
 * loses that suffix and N is its index ({@code package-1} is {@code package}, index 1); a name
 * without one is indexed by how often it came before, in directory order (the first
 * {@code dram} is 0, the second 1).
 *
 * <p>{@code energy_uj} has been readable by root only since Linux 5.10 (CVE-2020-8694): for any
 * other user the zones are {@link Zones#denied() denied} and nothing is served, as with
 * node_exporter. A zone without the file (a powercap zone of another kind) is left out; a counter
 * that cannot be read or is not an unsigned integer is an error naming the file.
 */
final class RaplSource {

  private static final String CLASS = "class/powercap";

  /**
   * One zone.
   *
   * @param name the name without its index suffix, {@code package}
   * @param index the index, 0 for {@code package-0}
   * @param path the zone's directory as node_exporter labels it, {@code /sys/class/powercap/intel-rapl:0}
   * @param microjoules the energy counter
   */
  record Zone(String name, int index, String path, double microjoules) {}

  /** The zones, or {@code denied} when this user may not read their counters. */
  record Zones(List<Zone> zones, boolean denied) {}

  private final SysFs sys;

  RaplSource(SysFs sys) {
    this.sys = sys;
  }

  Zones read() throws IOException {
    List<Zone> zones = new ArrayList<>();
    Map<String, Integer> uses = new HashMap<>();
    Path dir = sys.path(CLASS);
    for (String entry : sys.list(CLASS)) {
      String name;
      try {
        name = SysAttribute.readStripped(dir.resolve(entry).resolve("name"));
      } catch (IOException notAZone) {
        continue; // node_exporter takes only the entries whose name it can read
      }
      if (name == null) {
        continue;
      }
      int dash = name.indexOf('-');
      int index;
      if (dash >= 0 && name.indexOf('-', dash + 1) < 0 && isInt(name, dash + 1)) {
        index = Integer.parseInt(name.substring(dash + 1));
        name = name.substring(0, dash);
      } else {
        index = uses.getOrDefault(name, 0);
      }
      uses.put(name, index + 1);
      Path counter = dir.resolve(entry).resolve("energy_uj");
      String text;
      try {
        text = SysAttribute.read(counter);
      } catch (AccessDeniedException rootOnly) {
        return new Zones(List.of(), true);
      }
      if (text != null) {
        zones.add(new Zone(name, index, dir.resolve(entry).toString(), SysAttribute.parseUnsigned(counter, text)));
      }
    }
    return new Zones(zones, false);
  }

  /** Whether {@code text} from {@code start} is what Go's {@code strconv.Atoi} takes: an optional sign and ASCII digits. */
  private static boolean isInt(String text, int start) {
    int i = start < text.length() && (text.charAt(start) == '+' || text.charAt(start) == '-') ? start + 1 : start;
    if (i >= text.length() || text.length() - i > 9) {
      return false; // empty, or possibly beyond an int (no zone index is)
    }
    for (; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
