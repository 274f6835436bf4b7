package io.taoprom.metrics.host;

import static io.taoprom.metrics.host.FamilyDiff.withHelpOf;
import static io.taoprom.metrics.host.FamilyDiff.without;
import static io.taoprom.metrics.host.FamilyDiff.withoutLabel;

import io.taoprom.metrics.textfile.format.ParsedFamily;
import java.util.Map;

/**
 * What node_exporter releases since 1.5 changed in the families of the hardware collectors
 * (hwmon, thermal_zone, powersupplyclass, rapl, nvme, edac, dmi, cpufreq). TaoProm serves current
 * upstream's; set beside an older node_exporter (Debian's 1.5, say), what that one predates is
 * left out of the comparison, and nothing else.
 *
 * <pre>{@code
 * UpstreamChanges.Compared c = UpstreamChanges.apply(nodeExporter, ours, theirs);
 * assertThat(FamilyDiff.differences(c.ours(), c.theirs())).isEmpty();
 * }</pre>
 */
public final class UpstreamChanges {

  /** The labels of {@code node_dmi_info} that only root can read, which TaoProm never serves. */
  private static final String[] DMI_ROOT_ONLY = {"board_serial", "chassis_serial", "product_serial", "product_uuid"};

  private UpstreamChanges() {}

  /** The two sides, made comparable. */
  public record Compared(Map<String, ParsedFamily> ours, Map<String, ParsedFamily> theirs) {}

  /** {@code ours} and {@code theirs} without what {@code nodeExporter}'s version cannot have. */
  public static Compared apply(NodeExporter nodeExporter, Map<String, ParsedFamily> ours,
      Map<String, ParsedFamily> theirs) {
    if (nodeExporter.olderThan(1, 6)) {
      // 1.6: the governor series, and "CPU" for "cpu" in three help texts
      ours = without(ours, s -> s.name().equals("node_cpu_scaling_governor"));
      theirs = withHelpOf(theirs, ours,
          "node_cpu_frequency_hertz", "node_cpu_frequency_min_hertz", "node_cpu_frequency_max_hertz");
    }
    if (nodeExporter.olderThan(1, 9)) {
      // 1.9: GPU clocks (freq files, not read at all before, their labels neither)
      ours = without(ours, s -> s.name().equals("node_hwmon_freq_freq_mhz")
          || s.name().startsWith("node_hwmon_") && s.label("sensor") != null && s.label("sensor").startsWith("freq"));
    }
    if (nodeExporter.olderThan(1, 11)) {
      // 1.11: the controller id on node_nvme_info, and the namespace families
      ours = withoutLabel(ours, "node_nvme_info", "cntlid");
      ours = without(ours, s -> s.name().startsWith("node_nvme_namespace_"));
    }
    if (nodeExporter.olderThan(1, 12)) {
      // 1.12: per-channel ECC counts, and cpuinfo_avg_freq
      ours = without(ours, s -> s.name().startsWith("node_edac_channel_") || s.name().equals("node_cpu_frequency_avg_hertz"));
    }
    if ("root".equals(System.getProperty("user.name"))) {
      // node_exporter run as root reads what only root may; TaoProm leaves it out whoever runs it
      for (String label : DMI_ROOT_ONLY) {
        theirs = withoutLabel(theirs, "node_dmi_info", label);
      }
    }
    return new Compared(ours, theirs);
  }
}
