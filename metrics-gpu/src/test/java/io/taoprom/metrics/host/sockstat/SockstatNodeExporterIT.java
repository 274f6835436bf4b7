package io.taoprom.metrics.host.sockstat;

import io.taoprom.metrics.host.Exposition;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.net.Fixtures;
import io.taoprom.metrics.host.net.NodeExporterOnFixture;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** node_exporter on each sockstat fixture serves what we serve (both with this machine's page size). */
class SockstatNodeExporterIT {

  @ParameterizedTest
  @ValueSource(strings = {"vm", "gpu-server"})
  void sameAsNodeExporter(String machine) throws Exception {
    String ours = Exposition.text(new SockstatCollector(Fixtures.proc("sockstat", machine), PageSize.of(ProcFs.system())));
    NodeExporterOnFixture.assertSame("sockstat", Fixtures.root("sockstat", machine), "node_sockstat_", ours, Set.of());
  }
}
