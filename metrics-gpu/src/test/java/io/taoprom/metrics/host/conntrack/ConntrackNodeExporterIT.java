package io.taoprom.metrics.host.conntrack;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** node_exporter on each conntrack fixture serves what we serve. */
class ConntrackNodeExporterIT {

  @ParameterizedTest
  @ValueSource(strings = {"vm", "gpu-server"})
  void sameAsNodeExporter(String machine) throws Exception {
    String ours = HostFixtures.text(new ConntrackCollector(HostFixtures.proc("conntrack", machine)));
    NodeExporter.assertSame("conntrack", HostFixtures.dir("conntrack", machine), "node_nf_conntrack_", ours, Set.of());
  }
}
