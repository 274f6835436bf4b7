package io.taoprom.metrics.host.mdadm;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ours and node_exporter 1.5 on the same fixture trees ({@link NodeExporter}). */
class MdadmFixtureParityIT {

  @Test
  void sameAsNodeExporterOnTheGpuServersMdstat() throws Exception {
    assertThat(NodeExporter.differences("mdadm",
            List.of("--path.procfs=" + HostFixtures.dir("mdadm", "gpu-server").resolve("proc")),
            new MdadmCollector(HostFixtures.proc("mdadm", "gpu-server"))))
        .isEmpty();
  }
}
