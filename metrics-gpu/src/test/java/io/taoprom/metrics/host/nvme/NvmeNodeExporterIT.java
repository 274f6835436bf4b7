package io.taoprom.metrics.host.nvme;

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

/** The nvme collector and node_exporter's on the same sysfs tree: every family, series and value. */
class NvmeNodeExporterIT {

  @TempDir Path dir;

  @Test
  void aGpuServer() throws Exception {
    NodeExporter nodeExporter = NodeExporter.find();
    SysFs sys = HostFixtures.copy("nvme/gpu-server", dir);
    UpstreamChanges.Compared c = UpstreamChanges.apply(nodeExporter,
        families(HostFixtures.text(new NvmeCollector(new NvmeSource(sys)))), families(nodeExporter.scrape("nvme", sys, false)));

    assertThat(c.ours()).containsKey("node_nvme_info");
    assertThat(differences(c.ours(), c.theirs())).isEmpty();
  }
}
