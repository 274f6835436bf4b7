package io.taoprom.metrics.host.powersupplyclass;

import static io.taoprom.metrics.host.FamilyDiff.differences;
import static io.taoprom.metrics.host.FamilyDiff.families;
import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import io.taoprom.metrics.host.SysFs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The powersupplyclass collector and node_exporter's on the same sysfs tree: every family, series and value. */
class PowerSupplyClassNodeExporterIT {

  @TempDir Path dir;

  @Test
  void aLaptop() throws Exception {
    NodeExporter nodeExporter = NodeExporter.find();
    SysFs sys = HostFixtures.copy("powersupplyclass/laptop", dir);

    assertThat(differences(
        families(HostFixtures.text(new PowerSupplyClassCollector(new PowerSupplySource(sys, DeviceFilter.none())))),
        families(nodeExporter.scrape("powersupplyclass", sys, false)))).isEmpty();
  }
}
