package io.taoprom.metrics.host.cpufreq;

import static io.taoprom.metrics.host.NodeExporterOnFixture.differences;
import static io.taoprom.metrics.host.NodeExporterOnFixture.families;
import static io.taoprom.metrics.host.NodeExporterOnFixture.withHelpOf;
import static io.taoprom.metrics.host.NodeExporterOnFixture.without;
import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.metrics.host.Exposition;
import io.taoprom.metrics.host.NodeExporterOnFixture;
import io.taoprom.metrics.host.SysFixture;
import io.taoprom.metrics.host.SysFs;
import io.taoprom.metrics.textfile.format.ParsedFamily;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cpufreq collector and node_exporter's on a 128-CPU sysfs tree: every family, series and value. */
class CpufreqNodeExporterIT {

  @TempDir Path dir;

  @Test
  void aGpuServer() throws Exception {
    NodeExporterOnFixture nodeExporter = NodeExporterOnFixture.find();
    SysFs sys = SysFixture.copy("cpufreq/gpu-server", dir);
    Map<String, ParsedFamily> ours = families(Exposition.text(new CpufreqCollector(new CpufreqSource(sys))));
    Map<String, ParsedFamily> theirs = families(nodeExporter.scrape("cpufreq", sys, false));
    if (nodeExporter.olderThan(1, 6)) {
      // 1.6 added the governor and wrote "CPU" for "cpu" in three help texts
      ours = without(ours, s -> s.name().equals("node_cpu_scaling_governor"));
      theirs = withHelpOf(theirs, ours,
          "node_cpu_frequency_hertz", "node_cpu_frequency_min_hertz", "node_cpu_frequency_max_hertz");
    }
    if (nodeExporter.olderThan(1, 12)) {
      ours = without(ours, s -> s.name().equals("node_cpu_frequency_avg_hertz")); // cpuinfo_avg_freq came with 1.12
    }

    assertThat(ours.get("node_cpu_scaling_frequency_hertz").samples()).hasSize(128);
    assertThat(differences(ours, theirs)).isEmpty();
  }
}
