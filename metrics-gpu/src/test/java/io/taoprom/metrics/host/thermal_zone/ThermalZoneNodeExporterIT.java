package io.taoprom.metrics.host.thermal_zone;

import static io.taoprom.metrics.host.FamilyDiff.differences;
import static io.taoprom.metrics.host.FamilyDiff.families;
import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import io.taoprom.metrics.host.SysFs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The thermal_zone collector and node_exporter's on the same sysfs tree: every family, series and value. */
class ThermalZoneNodeExporterIT {

  @TempDir Path dir;

  @Test
  void aGpuServer() throws Exception {
    NodeExporter nodeExporter = NodeExporter.find();
    SysFs sys = HostFixtures.copy("thermal_zone/gpu-server", dir);

    assertThat(differences(families(HostFixtures.text(new ThermalZoneCollector(new ThermalSource(sys)))),
        families(nodeExporter.scrape("thermal_zone", sys, false)))).isEmpty();
  }
}
