package io.taoprom.metrics.host.nvme;

import static io.taoprom.metrics.host.NodeExporterOnFixture.differences;
import static io.taoprom.metrics.host.NodeExporterOnFixture.families;
import static io.taoprom.metrics.host.NodeExporterOnFixture.without;
import static io.taoprom.metrics.host.NodeExporterOnFixture.withoutLabel;
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

/** The nvme collector and node_exporter's on the same sysfs tree: every family, series and value. */
class NvmeNodeExporterIT {

  @TempDir Path dir;

  @Test
  void aGpuServer() throws Exception {
    NodeExporterOnFixture nodeExporter = NodeExporterOnFixture.find();
    SysFs sys = SysFixture.copy("nvme/gpu-server", dir);
    Map<String, ParsedFamily> ours = families(Exposition.text(new NvmeCollector(new NvmeSource(sys))));
    if (nodeExporter.olderThan(1, 11)) {
      // 1.11 added the controller id to node_nvme_info and the namespace families
      ours = withoutLabel(ours, "node_nvme_info", "cntlid");
      ours = without(ours, s -> s.name().startsWith("node_nvme_namespace_"));
    }

    assertThat(differences(ours, families(nodeExporter.scrape("nvme", sys, false)))).isEmpty();
  }
}
