package io.taoprom.metrics.host.ipvs;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** node_exporter on the gpu-server ipvs fixture serves what we serve, with every backend label and with fewer. */
class IpvsNodeExporterIT {

  @ParameterizedTest
  @ValueSource(strings = {"local_address,local_port,remote_address,remote_port,proto,local_mark", "proto,local_port", ""})
  void sameAsNodeExporter(String labels) throws Exception {
    String ours = HostFixtures.text(new IpvsCollector(HostFixtures.proc("ipvs", "gpu-server"), IpvsPlugin.backendLabels(labels)));
    NodeExporter.assertSame("ipvs", HostFixtures.dir("ipvs", "gpu-server"), "node_ipvs_", ours, Set.of(),
        "--collector.ipvs.backend-labels=" + labels);
  }
}
