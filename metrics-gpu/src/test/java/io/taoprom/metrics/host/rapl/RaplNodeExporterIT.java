package io.taoprom.metrics.host.rapl;

import static io.taoprom.metrics.host.FamilyDiff.differences;
import static io.taoprom.metrics.host.FamilyDiff.families;
import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import io.taoprom.metrics.host.SysFs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rapl collector and node_exporter's on the same sysfs tree, with and without the zone label. */
class RaplNodeExporterIT {

  @TempDir Path dir;

  @Test
  void aGpuServer() throws Exception {
    NodeExporter nodeExporter = NodeExporter.find();
    SysFs sys = HostFixtures.copy("rapl/gpu-server", dir);

    assertThat(differences(families(HostFixtures.text(new RaplCollector(new RaplSource(sys), false))),
        families(nodeExporter.scrape("rapl", sys, false)))).isEmpty();
    assertThat(differences(families(HostFixtures.text(new RaplCollector(new RaplSource(sys), true))),
        families(nodeExporter.scrape("rapl", sys, false, "--collector.rapl.enable-zone-label")))).isEmpty();
  }
}
