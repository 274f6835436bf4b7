package io.taoprom.metrics.host.arp;

import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** node_exporter on each arp fixture serves what we serve. */
class ArpNodeExporterIT {

  @ParameterizedTest
  @ValueSource(strings = {"vm", "gpu-server"})
  void sameAsNodeExporter(String machine) throws Exception {
    String ours = HostFixtures.text(new ArpCollector(HostFixtures.proc("arp", machine), DeviceFilter.none()));
    NodeExporter.assertSame("arp", HostFixtures.dir("arp", machine), "node_arp_", ours, Set.of());
  }
}
