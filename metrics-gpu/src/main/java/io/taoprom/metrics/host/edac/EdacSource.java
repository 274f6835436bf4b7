package io.taoprom.metrics.host.edac;

import io.taoprom.metrics.host.SysAttribute;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The memory controllers of {@code /sys/devices/system/edac/mc}: {@code mcN/{ce,ue}_count} and
 * {@code {ce,ue}_noinfo_count}, and where the kernel keeps the legacy layout
 * ({@code CONFIG_EDAC_LEGACY_SYSFS}, on in the common distributions) each chip-select row
 * {@code csrowN/{ce,ue}_count} with its channels {@code chN_{ce,ue}_count} and
 * {@code chN_dimm_label}. Listed again on every read.
 *
 * <p>Every count a controller or row has is required, as node_exporter requires it: one that
 * cannot be read or is not an unsigned integer is an error naming the file. A channel's
 * uncorrectable count is optional; a channel without a readable label is {@code unknown}.
 */
final class EdacSource {

  private static final String MC = "devices/system/edac/mc";

  /** One memory controller: N of {@code mcN}, its counts, its rows. */
  record Controller(String number, double ce, double ceNoInfo, double ue, double ueNoInfo, List<Csrow> csrows) {}

  /** One chip-select row. */
  record Csrow(String number, double ce, double ue, List<Channel> channels) {}

  /** One channel of a row; {@code ue} is NaN where the kernel has no {@code chN_ue_count}. */
  record Channel(String number, String dimmLabel, double ce, double ue) {}

  private final SysFs sys;

  EdacSource(SysFs sys) {
    this.sys = sys;
  }

  List<Controller> read() throws IOException {
    List<Controller> controllers = new ArrayList<>();
    for (String mc : sys.list(MC)) {
      String number = numberAfter(mc, "mc");
      if (number == null) {
        continue;
      }
      Path dir = sys.path(MC).resolve(mc);
      List<Csrow> csrows = new ArrayList<>();
      for (String row : sys.list(MC + "/" + mc)) {
        String rowNumber = numberAfter(row, "csrow");
        if (rowNumber != null) {
          csrows.add(csrow(rowNumber, dir.resolve(row), sys.list(MC + "/" + mc + "/" + row)));
        }
      }
      controllers.add(new Controller(number, count(dir.resolve("ce_count")), count(dir.resolve("ce_noinfo_count")),
          count(dir.resolve("ue_count")), count(dir.resolve("ue_noinfo_count")), csrows));
    }
    return controllers;
  }

  private static Csrow csrow(String number, Path dir, List<String> entries) throws IOException {
    List<Channel> channels = new ArrayList<>();
    for (String entry : entries) {
      // node_exporter globs ch*_ce_count and takes the digits between "ch" and "_ce_count"
      if (entry.startsWith("ch") && entry.endsWith("_ce_count")) {
        String channel = entry.substring(2, entry.length() - "_ce_count".length());
        if (!channel.isEmpty() && channel.chars().allMatch(c -> c >= '0' && c <= '9')) {
          channels.add(new Channel(channel, dimmLabel(dir.resolve("ch" + channel + "_dimm_label")),
              count(dir.resolve(entry)), optionalCount(dir.resolve("ch" + channel + "_ue_count"))));
        }
      }
    }
    return new Csrow(number, count(dir.resolve("ce_count")), count(dir.resolve("ue_count")), channels);
  }

  /**
   * node_exporter's form of a DIMM label: {@code CPU_SrcID#0_MC#0_Chan#1_DIMM#0} loses its
   * {@code #}s, and {@code mc#0csrow#1channel#0} becomes {@code mc0_csrow1_channel0};
   * {@code unknown} where there is no readable label.
   */
  static String dimmLabel(Path file) {
    String label;
    try {
      label = SysAttribute.readStripped(file);
    } catch (IOException unreadable) {
      return "unknown";
    }
    if (label == null) {
      return "unknown";
    }
    return label.replace("#", "").replace("csrow", "_csrow").replace("channel", "_channel");
  }

  /** The leading digits after {@code prefix} (node_exporter's {@code prefix[0-9]*} glob and regexp); null if none. */
  private static String numberAfter(String entry, String prefix) {
    int end = prefix.length();
    while (end < entry.length() && entry.charAt(end) >= '0' && entry.charAt(end) <= '9') {
      end++;
    }
    return entry.startsWith(prefix) && end > prefix.length() ? entry.substring(prefix.length(), end) : null;
  }

  private static double count(Path file) throws IOException {
    String text = SysAttribute.read(file);
    if (text == null) {
      throw new IOException(file + " does not exist; every EDAC memory controller and row has it");
    }
    return SysAttribute.parseUnsigned(file, text);
  }

  private static double optionalCount(Path file) throws IOException {
    Optional<String> text = SysAttribute.readIfShown(file);
    return text.isEmpty() ? Double.NaN : SysAttribute.parseUnsigned(file, text.get());
  }
}
