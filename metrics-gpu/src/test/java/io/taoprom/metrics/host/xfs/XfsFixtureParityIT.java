package io.taoprom.metrics.host.xfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ours and node_exporter 1.5 on the same fixture trees ({@link NodeExporter}). */
class XfsFixtureParityIT {

  @Test
  void sameAsNodeExporterOnThisVmsXfs() throws Exception {
    assertThat(NodeExporter.differences("xfs",
            List.of("--path.sysfs=" + HostFixtures.dir("xfs", "vm").resolve("sys")),
            new XfsCollector(HostFixtures.sys("xfs", "vm"))))
        .isEmpty();
  }

  @Test
  void sameAsNodeExporterOnTheGpuServersTwoFileSystems() throws Exception {
    assertThat(NodeExporter.differences("xfs",
            List.of("--path.sysfs=" + HostFixtures.dir("xfs", "gpu-server").resolve("sys")),
            new XfsCollector(HostFixtures.sys("xfs", "gpu-server"))))
        .isEmpty();
  }
}
