package io.taoprom.metrics.host.sockstat;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import io.taoprom.metrics.host.ProcFs;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** node_exporter on each sockstat fixture serves what we serve (both with this machine's page size). */
class SockstatNodeExporterIT {

  @ParameterizedTest
  @ValueSource(strings = {"vm", "gpu-server"})
  void sameAsNodeExporter(String machine) throws Exception {
    String ours = HostFixtures.text(new SockstatCollector(HostFixtures.proc("sockstat", machine), PageSize.of(ProcFs.system())));
    NodeExporter.assertSame("sockstat", HostFixtures.dir("sockstat", machine), "node_sockstat_", ours, Set.of());
  }
}
