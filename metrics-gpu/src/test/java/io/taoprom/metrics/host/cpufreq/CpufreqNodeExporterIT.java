package io.taoprom.metrics.host.cpufreq;

import static io.taoprom.metrics.host.FamilyDiff.differences;
import static io.taoprom.metrics.host.FamilyDiff.families;
import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import io.taoprom.metrics.host.SysFs;
import io.taoprom.metrics.host.UpstreamChanges;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cpufreq collector and node_exporter's on a 128-CPU sysfs tree: every family, series and value. */
class CpufreqNodeExporterIT {

  @TempDir Path dir;

  @Test
  void aGpuServer() throws Exception {
    NodeExporter nodeExporter = NodeExporter.find();
    SysFs sys = HostFixtures.copy("cpufreq/gpu-server", dir);
    UpstreamChanges.Compared c = UpstreamChanges.apply(nodeExporter,
        families(HostFixtures.text(new CpufreqCollector(new CpufreqSource(sys)))),
        families(nodeExporter.scrape("cpufreq", sys, false)));

    assertThat(c.ours().get("node_cpu_scaling_frequency_hertz").samples()).hasSize(128);
    assertThat(differences(c.ours(), c.theirs())).isEmpty();
  }
}
