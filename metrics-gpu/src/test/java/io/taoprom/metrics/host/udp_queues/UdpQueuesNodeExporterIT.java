package io.taoprom.metrics.host.udp_queues;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** node_exporter on each udp_queues fixture serves what we serve. */
class UdpQueuesNodeExporterIT {

  @ParameterizedTest
  @ValueSource(strings = {"vm", "gpu-server"})
  void sameAsNodeExporter(String machine) throws Exception {
    String ours = HostFixtures.text(new UdpQueuesCollector(HostFixtures.proc("udp_queues", machine)));
    NodeExporter.assertSame("udp_queues", HostFixtures.dir("udp_queues", machine), "node_udp_", ours, Set.of());
  }
}
