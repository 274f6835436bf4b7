package io.taoprom.metrics.host.tapestats;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ours and node_exporter 1.5 on the same fixture trees ({@link NodeExporter}). */
class TapestatsFixtureParityIT {

  @Test
  void sameAsNodeExporterOnTwoTapeDrives() throws Exception {
    assertThat(NodeExporter.differences("tapestats",
            List.of("--path.sysfs=" + HostFixtures.dir("tapestats", "gpu-server").resolve("sys")),
            new TapestatsCollector(HostFixtures.sys("tapestats", "gpu-server"), DeviceFilter.none())))
        .isEmpty();
  }
}
