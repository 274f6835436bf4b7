package io.taoprom.metrics.host.edac;

import static io.taoprom.metrics.host.NodeExporterOnFixture.differences;
import static io.taoprom.metrics.host.NodeExporterOnFixture.families;
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

/** The edac collector and node_exporter's on the same sysfs tree: every family, series and value. */
class EdacNodeExporterIT {

  @TempDir Path dir;

  @Test
  void aGpuServer() throws Exception {
    NodeExporterOnFixture nodeExporter = NodeExporterOnFixture.find();
    SysFs sys = SysFixture.copy("edac/gpu-server", dir);
    Map<String, ParsedFamily> ours = families(Exposition.text(new EdacCollector(new EdacSource(sys))));
    if (nodeExporter.olderThan(1, 12)) {
      ours = without(ours, s -> s.name().startsWith("node_edac_channel_")); // per-channel counts came with 1.12
    }

    assertThat(differences(ours, families(nodeExporter.scrape("edac", sys, false)))).isEmpty();
  }
}
