package io.taoprom.metrics.host.nfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ours and node_exporter 1.5 on the same fixture trees ({@link NodeExporter}). */
class NfsFixtureParityIT {

  @Test
  void sameAsNodeExporterOnTheGpuServersClientCounters() throws Exception {
    assertThat(NodeExporter.differences("nfs",
            List.of("--path.procfs=" + HostFixtures.dir("nfs", "gpu-server").resolve("proc")),
            new NfsCollector(HostFixtures.proc("nfs", "gpu-server"))))
        .isEmpty();
  }
}
