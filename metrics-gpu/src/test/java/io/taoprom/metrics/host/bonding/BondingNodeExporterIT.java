package io.taoprom.metrics.host.bonding;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** node_exporter on the gpu-server bonding fixture serves what we serve. */
class BondingNodeExporterIT {

  @Test
  void sameAsNodeExporter() throws Exception {
    String ours = HostFixtures.text(new BondingCollector(HostFixtures.sys("bonding", "gpu-server")));
    NodeExporter.assertSame("bonding", HostFixtures.dir("bonding", "gpu-server"), "node_bonding_", ours, Set.of());
  }
}
