package io.taoprom.metrics.host.cpufreq;

import io.taoprom.metrics.host.SysAttribute;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /sys/devices/system/cpu/cpuN/cpufreq/} of every online CPU: the hardware's current,
 * average, minimum and maximum frequency ({@code cpuinfo_*}), the policy's ({@code scaling_*}), all
 * in kHz, and the governor. CPUs are listed again on every read, so CPUs that go offline or come
 * back are seen at the next scrape; a CPU without cpufreq (virtual machines) has nothing.
 *
 * <p>A frequency file that is absent, root-only ({@code cpuinfo_cur_freq}), refused by the driver
 * or reads {@code <unknown>} (what the kernel prints when the driver cannot tell) is left out. A
 * value that is not an unsigned integer, or an {@code offline} list that is not a CPU list, is an
 * error naming the file.
 */
final class CpufreqSource {

  private static final String CPU = "devices/system/cpu";

  /** The frequency files, in the order of {@link CpuFreq#khz()}. */
  static final List<String> FILES = List.of(
      "cpuinfo_cur_freq", "cpuinfo_avg_freq", "cpuinfo_min_freq", "cpuinfo_max_freq",
      "scaling_cur_freq", "scaling_min_freq", "scaling_max_freq");

  /**
   * One CPU's frequencies.
   *
   * @param cpu N of {@code cpuN}
   * @param khz one per {@link #FILES}, NaN where there is none
   * @param governor the current governor, empty where unknown
   * @param available the governors offered, in the kernel's order
   */
  record CpuFreq(String cpu, double[] khz, String governor, List<String> available) {}

  private final SysFs sys;

  CpufreqSource(SysFs sys) {
    this.sys = sys;
  }

  List<CpuFreq> read() throws IOException {
    List<String> entries = sys.list(CPU);
    if (entries.isEmpty()) {
      return List.of();
    }
    Path offlineFile = sys.path(CPU + "/offline");
    String offlineText = SysAttribute.read(offlineFile);
    BitSet offline = offlineText == null ? new BitSet() : CpuRange.parse(offlineFile, offlineText);
    List<CpuFreq> cpus = new ArrayList<>();
    for (String entry : entries) {
      String number = cpuNumber(entry);
      if (number == null || offline.get(Integer.parseInt(number))) {
        continue;
      }
      Path dir = sys.path(CPU).resolve(entry).resolve("cpufreq");
      Set<String> present = list(dir);
      if (present != null) {
        cpus.add(cpu(number, dir, present));
      }
    }
    return cpus;
  }

  private static CpuFreq cpu(String number, Path dir, Set<String> present) throws IOException {
    double[] khz = new double[FILES.size()];
    Arrays.fill(khz, Double.NaN);
    for (int i = 0; i < khz.length; i++) {
      String file = FILES.get(i);
      String text = present.contains(file) ? optional(dir.resolve(file)) : null;
      if (text != null && !text.equals("<unknown>")) {
        khz[i] = SysAttribute.parseUnsigned(dir.resolve(file), text);
      }
    }
    String governor = present.contains("scaling_governor") ? optional(dir.resolve("scaling_governor")) : null;
    String available = present.contains("scaling_available_governors")
        ? optional(dir.resolve("scaling_available_governors")) : null;
    List<String> governors = new ArrayList<>();
    if (governor != null && !governor.isEmpty() && available != null) {
      for (String g : available.split(" ")) {
        if (!g.isEmpty()) {
          governors.add(g);
        }
      }
    }
    return new CpuFreq(number, khz, governor == null ? "" : governor, governors);
  }

  /** The names in a CPU's cpufreq directory; null where it has none. */
  private static Set<String> list(Path dir) throws IOException {
    Set<String> names = new HashSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        names.add(entry.getFileName().toString());
      }
    } catch (NoSuchFileException noCpufreq) {
      return null;
    }
    return names;
  }

  /** N of {@code cpuN} (node_exporter's {@code cpu[0-9]*}, all digits), else null. */
  static String cpuNumber(String entry) {
    if (entry.length() < 4 || entry.length() > 3 + 5 || !entry.startsWith("cpu")) {
      return null;
    }
    for (int i = 3; i < entry.length(); i++) {
      if (entry.charAt(i) < '0' || entry.charAt(i) > '9') {
        return null;
      }
    }
    return entry.substring(3);
  }

  /** The stripped value; null where the attribute is absent, denied or refused. */
  private static String optional(Path file) throws IOException {
    return SysAttribute.readIfShown(file).orElse(null);
  }
}
