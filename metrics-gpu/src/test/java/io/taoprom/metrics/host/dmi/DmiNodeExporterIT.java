package io.taoprom.metrics.host.dmi;

import static io.taoprom.metrics.host.FamilyDiff.differences;
import static io.taoprom.metrics.host.FamilyDiff.families;
import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import io.taoprom.metrics.host.SysFs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dmi collector and node_exporter's on the same sysfs tree, node_exporter run as the
 * unprivileged user it is meant to run as: neither serves the root-only serials.
 */
class DmiNodeExporterIT {

  @TempDir Path dir;

  @Test
  void aGpuServer() throws Exception {
    NodeExporter nodeExporter = NodeExporter.find();
    SysFs sys = HostFixtures.copy("dmi/gpu-server", dir);

    assertThat(differences(families(HostFixtures.text(new DmiCollector(new DmiSource(sys)))),
        families(nodeExporter.scrape("dmi", sys, true)))).isEmpty();
  }
}
